;; Sørensen–Dice comparison of Bloom-filter encodings (CLKs), hand-written WebAssembly.
;;
;; dice(a, b) = 2·|a ∧ b| / (|a| + |b|), |x| the popcount. Filters are stored back to back,
;; `stride` bytes each (a multiple of 64, zero-padded), in a memory shared by all workers.
;; Popcount tables hold, per row, |x| in the low 16 bits and the popcount of the row's first
;; 64 bytes (its head, one cache line) in the high 16 bits. After the head of a pair is
;; compared, the tail is read only if |a ∧ b| ≤ |head intersection| + min(tail popcounts) can
;; still reach the threshold. Popcounts are i64.popcnt of 64-bit words; the head of a scan
;; ANDs 16 bytes at a time (v128.and), adds the four results bitwise with carry-save adders
;; and counts the words of those with i64.popcnt.
;; Each kernel writes its hits as 16-byte records {u32 left, u32 right, f64 score} and stops
;; before work whose hits might not fit in the output; `resume_at` tells the caller where to
;; continue. `compared` counts the pairs whose intersection was computed.
;;
;; For blocking, each side is also stored as bit columns (transpose_rows): column c holds
;; bit c of every row, 128 rows per 16-byte block, row 128·k + 4·i + l at bit i of 32-bit
;; lane l of block k. A band's key (up to 32 sampled bits) is then a 32 × 32 bit transpose
;; of the sampled columns, four lanes at a time (band_keys).
;;
;; Compiled to dice-kernel.generated.ts by build-dice-kernel.node.ts (wabt; threads and
;; SIMD features).
(module
  (import "env" "memory" (memory 1 65536 shared))

  (global $resume (mut i32) (i32.const 0))
  (global $resumePart (mut i32) (i32.const 0))
  (global $compared (mut i64) (i64.const 0))
  ;; receives the touched words, so that the loads of the touch loop cannot be dropped
  (global $sink (mut i64) (i64.const 0))

  (func (export "resume_at") (result i32) (global.get $resume))
  (func (export "resume_part") (result i32) (global.get $resumePart))
  (func (export "compared") (result f64) (f64.convert_i64_u (global.get $compared)))
  (func (export "reset_compared") (global.set $compared (i64.const 0)))

  ;; |a ∧ b| over `stride` bytes, four 64-bit words per step
  (func $and_popcnt (param $a i32) (param $b i32) (param $stride i32) (result i32)
    (local $end i32) (local $acc i64)
    (local.set $end (i32.add (local.get $a) (local.get $stride)))
    (loop $words
      (local.set $acc
        (i64.add (local.get $acc)
          (i64.add
            (i64.add
              (i64.popcnt (i64.and (i64.load offset=0 (local.get $a)) (i64.load offset=0 (local.get $b))))
              (i64.popcnt (i64.and (i64.load offset=8 (local.get $a)) (i64.load offset=8 (local.get $b)))))
            (i64.add
              (i64.popcnt (i64.and (i64.load offset=16 (local.get $a)) (i64.load offset=16 (local.get $b))))
              (i64.popcnt (i64.and (i64.load offset=24 (local.get $a)) (i64.load offset=24 (local.get $b))))))))
      (local.set $a (i32.add (local.get $a) (i32.const 32)))
      (local.set $b (i32.add (local.get $b) (i32.const 32)))
      (br_if $words (i32.lt_u (local.get $a) (local.get $end))))
    (i32.wrap_i64 (local.get $acc)))

  ;; popcount of each of `count` filters into u32s at `out`
  (func (export "popcounts") (param $ptr i32) (param $count i32) (param $stride i32) (param $out i32)
    (local $i i32)
    (block $done
      (loop $filters
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (i32.store
          (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
          (call $and_popcnt (local.get $ptr) (local.get $ptr) (local.get $stride)))
        (local.set $ptr (i32.add (local.get $ptr) (local.get $stride)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $filters))))

  ;; |x ∧ y| over the tail of two rows: from byte 64 to `stride`, eight words per step
  (func $tail_popcnt (param $x i32) (param $y i32) (param $stride i32) (result i64)
    (local $end i32) (local $acc i64)
    (local.set $end (i32.add (local.get $x) (local.get $stride)))
    (local.set $x (i32.add (local.get $x) (i32.const 64)))
    (local.set $y (i32.add (local.get $y) (i32.const 64)))
    (block $done
      (loop $words
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $acc
          (i64.add (local.get $acc)
            (i64.add
              (i64.add
                (i64.add
                  (i64.popcnt (i64.and (i64.load offset=0 (local.get $x)) (i64.load offset=0 (local.get $y))))
                  (i64.popcnt (i64.and (i64.load offset=8 (local.get $x)) (i64.load offset=8 (local.get $y)))))
                (i64.add
                  (i64.popcnt (i64.and (i64.load offset=16 (local.get $x)) (i64.load offset=16 (local.get $y))))
                  (i64.popcnt (i64.and (i64.load offset=24 (local.get $x)) (i64.load offset=24 (local.get $y))))))
              (i64.add
                (i64.add
                  (i64.popcnt (i64.and (i64.load offset=32 (local.get $x)) (i64.load offset=32 (local.get $y))))
                  (i64.popcnt (i64.and (i64.load offset=40 (local.get $x)) (i64.load offset=40 (local.get $y)))))
                (i64.add
                  (i64.popcnt (i64.and (i64.load offset=48 (local.get $x)) (i64.load offset=48 (local.get $y))))
                  (i64.popcnt (i64.and (i64.load offset=56 (local.get $x)) (i64.load offset=56 (local.get $y)))))))))
        (local.set $x (i32.add (local.get $x) (i32.const 64)))
        (local.set $y (i32.add (local.get $y) (i32.const 64)))
        (br $words)))
    (local.get $acc))

  ;; All pairs of rows [aFrom, aTo) of A with B, where B is sorted by popcount, tiled: B is
  ;; walked in blocks of `tile` rows from row `bFrom`, and every A row of the call meets a
  ;; block while it sits in cache. Only B rows whose popcount can reach the threshold are
  ;; visited: dice ≤ 2·min(|a|,|b|)/(|a|+|b|), so t·|a|/(2−t) ≤ |b| ≤ |a|·(2−t)/t. `bStart[p]`
  ;; is the first B row of popcount ≥ p (bitLen + 2 entries); `bOrig` maps a sorted B row
  ;; back to its index in the input. Stops before a block whose hits might not fit;
  ;; `resume_at` is then the B row to continue from (nB when done).
  ;;
  ;; B rows of one popcount are walked together, so that both bounds are integers for the
  ;; run: a head intersection below need1 cannot reach the threshold even if all of a's tail
  ;; matched, a whole intersection below need2 cannot either. The head of the A row stays in
  ;; four v128 locals; the hot loop only searches for the next B row passing need1.
  (func (export "scan_all")
    (param $aPtr i32) (param $aPop i32) (param $aFrom i32) (param $aTo i32)
    (param $bPtr i32) (param $bPop i32) (param $bOrig i32) (param $bStart i32) (param $bitLen i32)
    (param $stride i32) (param $t f64) (param $out i32) (param $outCap i32)
    (param $bFrom i32) (param $nB i32) (param $tile i32)
    (result i32)
    (local $block i32) (local $blockEnd i32)
    (local $a i32) (local $pa i32) (local $restA i32) (local $lo i32) (local $hi i32) (local $j i32) (local $end i32)
    (local $segEnd i32) (local $p i32) (local $need1 i32) (local $need2 i32)
    (local $aAddr i32) (local $y i32) (local $yEnd i32) (local $sum i32) (local $hits i32) (local $c i32) (local $row i32)
    (local $need f64) (local $score f64) (local $tLow f64)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128) (local $ones v128) (local $twos v128) (local $fours v128) (local $carry v128)
    (local.set $tLow (f64.mul (local.get $t) (f64.const 0.999999)))
    (local.set $block (local.get $bFrom))
    (block $allBlocks
      (loop $blocks
        (br_if $allBlocks (i32.ge_u (local.get $block) (local.get $nB)))
        (local.set $blockEnd (select (local.get $nB) (i32.add (local.get $block) (local.get $tile))
          (i32.gt_u (i32.add (local.get $block) (local.get $tile)) (local.get $nB))))
        ;; stop before a block whose hits might overflow the output
        (if (i32.gt_u
              (i32.add (local.get $hits) (i32.mul (i32.sub (local.get $aTo) (local.get $aFrom)) (i32.sub (local.get $blockEnd) (local.get $block))))
              (local.get $outCap))
          (then
            (global.set $resume (local.get $block))
            (return (local.get $hits))))
        (local.set $a (local.get $aFrom))
        (block $finished
          (loop $rows
            (br_if $finished (i32.ge_u (local.get $a) (local.get $aTo)))
            (local.set $pa (i32.load (i32.add (local.get $aPop) (i32.shl (local.get $a) (i32.const 2)))))
            (local.set $restA (i32.sub (i32.and (local.get $pa) (i32.const 0xffff)) (i32.shr_u (local.get $pa) (i32.const 16))))
            (local.set $pa (i32.and (local.get $pa) (i32.const 0xffff)))
            (local.set $lo (i32.trunc_f64_u
              (f64.div (f64.mul (f64.convert_i32_u (local.get $pa)) (local.get $t)) (f64.sub (f64.const 2) (local.get $t)))))
            (local.set $hi (i32.trunc_f64_u (f64.min (f64.convert_i32_u (local.get $bitLen))
              (f64.ceil (f64.div (f64.mul (f64.convert_i32_u (local.get $pa)) (f64.sub (f64.const 2) (local.get $t))) (local.get $t))))))
            (local.set $j (i32.load (i32.add (local.get $bStart) (i32.shl (local.get $lo) (i32.const 2)))))
            (local.set $end (i32.load (i32.add (local.get $bStart) (i32.shl (i32.add (local.get $hi) (i32.const 1)) (i32.const 2)))))
            ;; the part of the row's range inside this block
            (if (i32.lt_u (local.get $j) (local.get $block)) (then (local.set $j (local.get $block))))
            (if (i32.gt_u (local.get $end) (local.get $blockEnd)) (then (local.set $end (local.get $blockEnd))))
            (if (i32.lt_u (local.get $end) (local.get $j)) (then (local.set $end (local.get $j))))
            (global.set $compared (i64.add (global.get $compared) (i64.extend_i32_u (i32.sub (local.get $end) (local.get $j)))))
            (local.set $aAddr (i32.add (local.get $aPtr) (i32.mul (local.get $a) (local.get $stride))))
            (local.set $a0 (v128.load offset=0 (local.get $aAddr)))
            (local.set $a1 (v128.load offset=16 (local.get $aAddr)))
            (local.set $a2 (v128.load offset=32 (local.get $aAddr)))
            (local.set $a3 (v128.load offset=48 (local.get $aAddr)))
            (block $segsDone
              (loop $segs
                (br_if $segsDone (i32.ge_u (local.get $j) (local.get $end)))
                ;; the B rows of the popcount of row j, within [j, end)
                (local.set $p (i32.and (i32.load (i32.add (local.get $bPop) (i32.shl (local.get $j) (i32.const 2)))) (i32.const 0xffff)))
                (local.set $segEnd (i32.load (i32.add (local.get $bStart) (i32.shl (i32.add (local.get $p) (i32.const 1)) (i32.const 2)))))
                (if (i32.gt_u (local.get $segEnd) (local.get $end)) (then (local.set $segEnd (local.get $end))))
                (local.set $sum (i32.add (local.get $pa) (local.get $p)))
                ;; 2·|a ∧ b| ≥ tLow·sum is needed; |a ∧ b| ≤ head intersection + restA
                (local.set $need (f64.mul (f64.mul (local.get $tLow) (f64.convert_i32_u (local.get $sum))) (f64.const 0.5)))
                (local.set $need1 (i32.trunc_sat_f64_s (f64.ceil (f64.sub (local.get $need) (f64.convert_i32_u (local.get $restA))))))
                (local.set $need2 (i32.trunc_sat_f64_s (f64.ceil (local.get $need))))
                (local.set $y (i32.add (local.get $bPtr) (i32.mul (local.get $j) (local.get $stride))))
                (local.set $yEnd (i32.add (local.get $bPtr) (i32.mul (local.get $segEnd) (local.get $stride))))
                (block $segNext
                  (loop $candidates
                    ;; the hot loop: the head of each B row until one reaches need1. The four
                    ;; 16-byte ANDs are added bitwise with carry-save adders into ones, twos and
                    ;; fours (Harley and Seal), so that six words are counted instead of eight;
                    ;; a lane is read as f64 to move it to an integer register in one step.
                    (block $found
                      (loop $search
                        (br_if $segNext (i32.ge_u (local.get $y) (local.get $yEnd)))
                        (local.set $v0 (v128.and (local.get $a0) (v128.load offset=0 (local.get $y))))
                        (local.set $v1 (v128.and (local.get $a1) (v128.load offset=16 (local.get $y))))
                        (local.set $v2 (v128.and (local.get $a2) (v128.load offset=32 (local.get $y))))
                        (local.set $v3 (v128.and (local.get $a3) (v128.load offset=48 (local.get $y))))
                        (local.set $ones (v128.xor (local.get $v0) (local.get $v1)))
                        (local.set $twos (v128.or (v128.and (local.get $v0) (local.get $v1)) (v128.and (local.get $ones) (local.get $v2))))
                        (local.set $ones (v128.xor (local.get $ones) (local.get $v2)))
                        (local.set $carry (v128.and (local.get $ones) (local.get $v3)))
                        (local.set $ones (v128.xor (local.get $ones) (local.get $v3)))
                        (local.set $fours (v128.and (local.get $twos) (local.get $carry)))
                        (local.set $twos (v128.xor (local.get $twos) (local.get $carry)))
                        (local.set $c (i32.wrap_i64 (i64.add
                          (i64.add
                            (i64.add
                            (i64.popcnt (i64.reinterpret_f64 (f64x2.extract_lane 0 (local.get $ones))))
                            (i64.popcnt (i64.reinterpret_f64 (f64x2.extract_lane 1 (local.get $ones)))))
                            (i64.shl (i64.add
                            (i64.popcnt (i64.reinterpret_f64 (f64x2.extract_lane 0 (local.get $twos))))
                            (i64.popcnt (i64.reinterpret_f64 (f64x2.extract_lane 1 (local.get $twos))))) (i64.const 1)))
                          (i64.shl (i64.add
                            (i64.popcnt (i64.reinterpret_f64 (f64x2.extract_lane 0 (local.get $fours))))
                            (i64.popcnt (i64.reinterpret_f64 (f64x2.extract_lane 1 (local.get $fours))))) (i64.const 2)))))
                        (local.set $y (i32.add (local.get $y) (local.get $stride)))
                        (br_if $found (i32.ge_s (local.get $c) (local.get $need1)))
                        (br $search)))
                    ;; the row before y may still reach the threshold: its tail, then the exact test
                    (local.set $c (i32.add (local.get $c) (i32.wrap_i64
                      (call $tail_popcnt (local.get $aAddr) (i32.sub (local.get $y) (local.get $stride)) (local.get $stride)))))
                    (br_if $candidates (i32.lt_s (local.get $c) (local.get $need2)))
                    (local.set $score (f64.div (f64.convert_i32_u (i32.shl (local.get $c) (i32.const 1))) (f64.convert_i32_u (local.get $sum))))
                    ;; not `score < t`: an empty pair gives NaN, which is never a hit
                    (br_if $candidates (i32.eqz (f64.ge (local.get $score) (local.get $t))))
                    (local.set $row (i32.div_u (i32.sub (i32.sub (local.get $y) (local.get $stride)) (local.get $bPtr)) (local.get $stride)))
                    (i32.store offset=0 (local.get $out) (local.get $a))
                    (i32.store offset=4 (local.get $out) (i32.load (i32.add (local.get $bOrig) (i32.shl (local.get $row) (i32.const 2)))))
                    (f64.store offset=8 (local.get $out) (local.get $score))
                    (local.set $out (i32.add (local.get $out) (i32.const 16)))
                    (local.set $hits (i32.add (local.get $hits) (i32.const 1)))
                    (br $candidates)))
                (local.set $j (local.get $segEnd))
                (br $segs)))
            (local.set $a (i32.add (local.get $a) (i32.const 1)))
            (br $rows)))
        (local.set $block (local.get $blockEnd))
        (br $blocks)))
    (global.set $resume (local.get $nB))
    (local.get $hits))

  ;; Transposes 32 × 32 bits in each 32-bit lane of the 32 v128 at p, in place: afterwards
  ;; bit i of vector j is what bit j of vector i was. Recursive block swaps (16, 8, 4, 2, 1),
  ;; unrolled.
  (func $transpose32 (param $p i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128) (local $x4 v128) (local $x5 v128) (local $x6 v128) (local $x7 v128) (local $x8 v128) (local $x9 v128) (local $x10 v128) (local $x11 v128) (local $x12 v128) (local $x13 v128) (local $x14 v128) (local $x15 v128) (local $x16 v128) (local $x17 v128) (local $x18 v128) (local $x19 v128) (local $x20 v128) (local $x21 v128) (local $x22 v128) (local $x23 v128) (local $x24 v128) (local $x25 v128) (local $x26 v128) (local $x27 v128) (local $x28 v128) (local $x29 v128) (local $x30 v128) (local $x31 v128)
    (local $t v128) (local $m v128)
    (local.set $x0 (v128.load offset=0 (local.get $p)))
    (local.set $x1 (v128.load offset=16 (local.get $p)))
    (local.set $x2 (v128.load offset=32 (local.get $p)))
    (local.set $x3 (v128.load offset=48 (local.get $p)))
    (local.set $x4 (v128.load offset=64 (local.get $p)))
    (local.set $x5 (v128.load offset=80 (local.get $p)))
    (local.set $x6 (v128.load offset=96 (local.get $p)))
    (local.set $x7 (v128.load offset=112 (local.get $p)))
    (local.set $x8 (v128.load offset=128 (local.get $p)))
    (local.set $x9 (v128.load offset=144 (local.get $p)))
    (local.set $x10 (v128.load offset=160 (local.get $p)))
    (local.set $x11 (v128.load offset=176 (local.get $p)))
    (local.set $x12 (v128.load offset=192 (local.get $p)))
    (local.set $x13 (v128.load offset=208 (local.get $p)))
    (local.set $x14 (v128.load offset=224 (local.get $p)))
    (local.set $x15 (v128.load offset=240 (local.get $p)))
    (local.set $x16 (v128.load offset=256 (local.get $p)))
    (local.set $x17 (v128.load offset=272 (local.get $p)))
    (local.set $x18 (v128.load offset=288 (local.get $p)))
    (local.set $x19 (v128.load offset=304 (local.get $p)))
    (local.set $x20 (v128.load offset=320 (local.get $p)))
    (local.set $x21 (v128.load offset=336 (local.get $p)))
    (local.set $x22 (v128.load offset=352 (local.get $p)))
    (local.set $x23 (v128.load offset=368 (local.get $p)))
    (local.set $x24 (v128.load offset=384 (local.get $p)))
    (local.set $x25 (v128.load offset=400 (local.get $p)))
    (local.set $x26 (v128.load offset=416 (local.get $p)))
    (local.set $x27 (v128.load offset=432 (local.get $p)))
    (local.set $x28 (v128.load offset=448 (local.get $p)))
    (local.set $x29 (v128.load offset=464 (local.get $p)))
    (local.set $x30 (v128.load offset=480 (local.get $p)))
    (local.set $x31 (v128.load offset=496 (local.get $p)))
    ;; blocks of 16 × 16 bits
    (local.set $m (v128.const i32x4 0x0000ffff 0x0000ffff 0x0000ffff 0x0000ffff))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x0) (i32.const 16)) (local.get $x16)) (local.get $m))) (local.set $x16 (v128.xor (local.get $x16) (local.get $t))) (local.set $x0 (v128.xor (local.get $x0) (i32x4.shl (local.get $t) (i32.const 16))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x1) (i32.const 16)) (local.get $x17)) (local.get $m))) (local.set $x17 (v128.xor (local.get $x17) (local.get $t))) (local.set $x1 (v128.xor (local.get $x1) (i32x4.shl (local.get $t) (i32.const 16))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x2) (i32.const 16)) (local.get $x18)) (local.get $m))) (local.set $x18 (v128.xor (local.get $x18) (local.get $t))) (local.set $x2 (v128.xor (local.get $x2) (i32x4.shl (local.get $t) (i32.const 16))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x3) (i32.const 16)) (local.get $x19)) (local.get $m))) (local.set $x19 (v128.xor (local.get $x19) (local.get $t))) (local.set $x3 (v128.xor (local.get $x3) (i32x4.shl (local.get $t) (i32.const 16))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x4) (i32.const 16)) (local.get $x20)) (local.get $m))) (local.set $x20 (v128.xor (local.get $x20) (local.get $t))) (local.set $x4 (v128.xor (local.get $x4) (i32x4.shl (local.get $t) (i32.const 16))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x5) (i32.const 16)) (local.get $x21)) (local.get $m))) (local.set $x21 (v128.xor (local.get $x21) (local.get $t))) (local.set $x5 (v128.xor (local.get $x5) (i32x4.shl (local.get $t) (i32.const 16))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x6) (i32.const 16)) (local.get $x22)) (local.get $m))) (local.set $x22 (v128.xor (local.get $x22) (local.get $t))) (local.set $x6 (v128.xor (local.get $x6) (i32x4.shl (local.get $t) (i32.const 16))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x7) (i32.const 16)) (local.get $x23)) (local.get $m))) (local.set $x23 (v128.xor (local.get $x23) (local.get $t))) (local.set $x7 (v128.xor (local.get $x7) (i32x4.shl (local.get $t) (i32.const 16))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x8) (i32.const 16)) (local.get $x24)) (local.get $m))) (local.set $x24 (v128.xor (local.get $x24) (local.get $t))) (local.set $x8 (v128.xor (local.get $x8) (i32x4.shl (local.get $t) (i32.const 16))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x9) (i32.const 16)) (local.get $x25)) (local.get $m))) (local.set $x25 (v128.xor (local.get $x25) (local.get $t))) (local.set $x9 (v128.xor (local.get $x9) (i32x4.shl (local.get $t) (i32.const 16))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x10) (i32.const 16)) (local.get $x26)) (local.get $m))) (local.set $x26 (v128.xor (local.get $x26) (local.get $t))) (local.set $x10 (v128.xor (local.get $x10) (i32x4.shl (local.get $t) (i32.const 16))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x11) (i32.const 16)) (local.get $x27)) (local.get $m))) (local.set $x27 (v128.xor (local.get $x27) (local.get $t))) (local.set $x11 (v128.xor (local.get $x11) (i32x4.shl (local.get $t) (i32.const 16))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x12) (i32.const 16)) (local.get $x28)) (local.get $m))) (local.set $x28 (v128.xor (local.get $x28) (local.get $t))) (local.set $x12 (v128.xor (local.get $x12) (i32x4.shl (local.get $t) (i32.const 16))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x13) (i32.const 16)) (local.get $x29)) (local.get $m))) (local.set $x29 (v128.xor (local.get $x29) (local.get $t))) (local.set $x13 (v128.xor (local.get $x13) (i32x4.shl (local.get $t) (i32.const 16))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x14) (i32.const 16)) (local.get $x30)) (local.get $m))) (local.set $x30 (v128.xor (local.get $x30) (local.get $t))) (local.set $x14 (v128.xor (local.get $x14) (i32x4.shl (local.get $t) (i32.const 16))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x15) (i32.const 16)) (local.get $x31)) (local.get $m))) (local.set $x31 (v128.xor (local.get $x31) (local.get $t))) (local.set $x15 (v128.xor (local.get $x15) (i32x4.shl (local.get $t) (i32.const 16))))
    ;; blocks of 8 × 8 bits
    (local.set $m (v128.const i32x4 0x00ff00ff 0x00ff00ff 0x00ff00ff 0x00ff00ff))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x0) (i32.const 8)) (local.get $x8)) (local.get $m))) (local.set $x8 (v128.xor (local.get $x8) (local.get $t))) (local.set $x0 (v128.xor (local.get $x0) (i32x4.shl (local.get $t) (i32.const 8))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x1) (i32.const 8)) (local.get $x9)) (local.get $m))) (local.set $x9 (v128.xor (local.get $x9) (local.get $t))) (local.set $x1 (v128.xor (local.get $x1) (i32x4.shl (local.get $t) (i32.const 8))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x2) (i32.const 8)) (local.get $x10)) (local.get $m))) (local.set $x10 (v128.xor (local.get $x10) (local.get $t))) (local.set $x2 (v128.xor (local.get $x2) (i32x4.shl (local.get $t) (i32.const 8))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x3) (i32.const 8)) (local.get $x11)) (local.get $m))) (local.set $x11 (v128.xor (local.get $x11) (local.get $t))) (local.set $x3 (v128.xor (local.get $x3) (i32x4.shl (local.get $t) (i32.const 8))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x4) (i32.const 8)) (local.get $x12)) (local.get $m))) (local.set $x12 (v128.xor (local.get $x12) (local.get $t))) (local.set $x4 (v128.xor (local.get $x4) (i32x4.shl (local.get $t) (i32.const 8))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x5) (i32.const 8)) (local.get $x13)) (local.get $m))) (local.set $x13 (v128.xor (local.get $x13) (local.get $t))) (local.set $x5 (v128.xor (local.get $x5) (i32x4.shl (local.get $t) (i32.const 8))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x6) (i32.const 8)) (local.get $x14)) (local.get $m))) (local.set $x14 (v128.xor (local.get $x14) (local.get $t))) (local.set $x6 (v128.xor (local.get $x6) (i32x4.shl (local.get $t) (i32.const 8))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x7) (i32.const 8)) (local.get $x15)) (local.get $m))) (local.set $x15 (v128.xor (local.get $x15) (local.get $t))) (local.set $x7 (v128.xor (local.get $x7) (i32x4.shl (local.get $t) (i32.const 8))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x16) (i32.const 8)) (local.get $x24)) (local.get $m))) (local.set $x24 (v128.xor (local.get $x24) (local.get $t))) (local.set $x16 (v128.xor (local.get $x16) (i32x4.shl (local.get $t) (i32.const 8))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x17) (i32.const 8)) (local.get $x25)) (local.get $m))) (local.set $x25 (v128.xor (local.get $x25) (local.get $t))) (local.set $x17 (v128.xor (local.get $x17) (i32x4.shl (local.get $t) (i32.const 8))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x18) (i32.const 8)) (local.get $x26)) (local.get $m))) (local.set $x26 (v128.xor (local.get $x26) (local.get $t))) (local.set $x18 (v128.xor (local.get $x18) (i32x4.shl (local.get $t) (i32.const 8))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x19) (i32.const 8)) (local.get $x27)) (local.get $m))) (local.set $x27 (v128.xor (local.get $x27) (local.get $t))) (local.set $x19 (v128.xor (local.get $x19) (i32x4.shl (local.get $t) (i32.const 8))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x20) (i32.const 8)) (local.get $x28)) (local.get $m))) (local.set $x28 (v128.xor (local.get $x28) (local.get $t))) (local.set $x20 (v128.xor (local.get $x20) (i32x4.shl (local.get $t) (i32.const 8))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x21) (i32.const 8)) (local.get $x29)) (local.get $m))) (local.set $x29 (v128.xor (local.get $x29) (local.get $t))) (local.set $x21 (v128.xor (local.get $x21) (i32x4.shl (local.get $t) (i32.const 8))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x22) (i32.const 8)) (local.get $x30)) (local.get $m))) (local.set $x30 (v128.xor (local.get $x30) (local.get $t))) (local.set $x22 (v128.xor (local.get $x22) (i32x4.shl (local.get $t) (i32.const 8))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x23) (i32.const 8)) (local.get $x31)) (local.get $m))) (local.set $x31 (v128.xor (local.get $x31) (local.get $t))) (local.set $x23 (v128.xor (local.get $x23) (i32x4.shl (local.get $t) (i32.const 8))))
    ;; blocks of 4 × 4 bits
    (local.set $m (v128.const i32x4 0x0f0f0f0f 0x0f0f0f0f 0x0f0f0f0f 0x0f0f0f0f))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x0) (i32.const 4)) (local.get $x4)) (local.get $m))) (local.set $x4 (v128.xor (local.get $x4) (local.get $t))) (local.set $x0 (v128.xor (local.get $x0) (i32x4.shl (local.get $t) (i32.const 4))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x1) (i32.const 4)) (local.get $x5)) (local.get $m))) (local.set $x5 (v128.xor (local.get $x5) (local.get $t))) (local.set $x1 (v128.xor (local.get $x1) (i32x4.shl (local.get $t) (i32.const 4))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x2) (i32.const 4)) (local.get $x6)) (local.get $m))) (local.set $x6 (v128.xor (local.get $x6) (local.get $t))) (local.set $x2 (v128.xor (local.get $x2) (i32x4.shl (local.get $t) (i32.const 4))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x3) (i32.const 4)) (local.get $x7)) (local.get $m))) (local.set $x7 (v128.xor (local.get $x7) (local.get $t))) (local.set $x3 (v128.xor (local.get $x3) (i32x4.shl (local.get $t) (i32.const 4))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x8) (i32.const 4)) (local.get $x12)) (local.get $m))) (local.set $x12 (v128.xor (local.get $x12) (local.get $t))) (local.set $x8 (v128.xor (local.get $x8) (i32x4.shl (local.get $t) (i32.const 4))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x9) (i32.const 4)) (local.get $x13)) (local.get $m))) (local.set $x13 (v128.xor (local.get $x13) (local.get $t))) (local.set $x9 (v128.xor (local.get $x9) (i32x4.shl (local.get $t) (i32.const 4))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x10) (i32.const 4)) (local.get $x14)) (local.get $m))) (local.set $x14 (v128.xor (local.get $x14) (local.get $t))) (local.set $x10 (v128.xor (local.get $x10) (i32x4.shl (local.get $t) (i32.const 4))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x11) (i32.const 4)) (local.get $x15)) (local.get $m))) (local.set $x15 (v128.xor (local.get $x15) (local.get $t))) (local.set $x11 (v128.xor (local.get $x11) (i32x4.shl (local.get $t) (i32.const 4))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x16) (i32.const 4)) (local.get $x20)) (local.get $m))) (local.set $x20 (v128.xor (local.get $x20) (local.get $t))) (local.set $x16 (v128.xor (local.get $x16) (i32x4.shl (local.get $t) (i32.const 4))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x17) (i32.const 4)) (local.get $x21)) (local.get $m))) (local.set $x21 (v128.xor (local.get $x21) (local.get $t))) (local.set $x17 (v128.xor (local.get $x17) (i32x4.shl (local.get $t) (i32.const 4))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x18) (i32.const 4)) (local.get $x22)) (local.get $m))) (local.set $x22 (v128.xor (local.get $x22) (local.get $t))) (local.set $x18 (v128.xor (local.get $x18) (i32x4.shl (local.get $t) (i32.const 4))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x19) (i32.const 4)) (local.get $x23)) (local.get $m))) (local.set $x23 (v128.xor (local.get $x23) (local.get $t))) (local.set $x19 (v128.xor (local.get $x19) (i32x4.shl (local.get $t) (i32.const 4))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x24) (i32.const 4)) (local.get $x28)) (local.get $m))) (local.set $x28 (v128.xor (local.get $x28) (local.get $t))) (local.set $x24 (v128.xor (local.get $x24) (i32x4.shl (local.get $t) (i32.const 4))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x25) (i32.const 4)) (local.get $x29)) (local.get $m))) (local.set $x29 (v128.xor (local.get $x29) (local.get $t))) (local.set $x25 (v128.xor (local.get $x25) (i32x4.shl (local.get $t) (i32.const 4))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x26) (i32.const 4)) (local.get $x30)) (local.get $m))) (local.set $x30 (v128.xor (local.get $x30) (local.get $t))) (local.set $x26 (v128.xor (local.get $x26) (i32x4.shl (local.get $t) (i32.const 4))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x27) (i32.const 4)) (local.get $x31)) (local.get $m))) (local.set $x31 (v128.xor (local.get $x31) (local.get $t))) (local.set $x27 (v128.xor (local.get $x27) (i32x4.shl (local.get $t) (i32.const 4))))
    ;; blocks of 2 × 2 bits
    (local.set $m (v128.const i32x4 0x33333333 0x33333333 0x33333333 0x33333333))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x0) (i32.const 2)) (local.get $x2)) (local.get $m))) (local.set $x2 (v128.xor (local.get $x2) (local.get $t))) (local.set $x0 (v128.xor (local.get $x0) (i32x4.shl (local.get $t) (i32.const 2))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x1) (i32.const 2)) (local.get $x3)) (local.get $m))) (local.set $x3 (v128.xor (local.get $x3) (local.get $t))) (local.set $x1 (v128.xor (local.get $x1) (i32x4.shl (local.get $t) (i32.const 2))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x4) (i32.const 2)) (local.get $x6)) (local.get $m))) (local.set $x6 (v128.xor (local.get $x6) (local.get $t))) (local.set $x4 (v128.xor (local.get $x4) (i32x4.shl (local.get $t) (i32.const 2))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x5) (i32.const 2)) (local.get $x7)) (local.get $m))) (local.set $x7 (v128.xor (local.get $x7) (local.get $t))) (local.set $x5 (v128.xor (local.get $x5) (i32x4.shl (local.get $t) (i32.const 2))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x8) (i32.const 2)) (local.get $x10)) (local.get $m))) (local.set $x10 (v128.xor (local.get $x10) (local.get $t))) (local.set $x8 (v128.xor (local.get $x8) (i32x4.shl (local.get $t) (i32.const 2))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x9) (i32.const 2)) (local.get $x11)) (local.get $m))) (local.set $x11 (v128.xor (local.get $x11) (local.get $t))) (local.set $x9 (v128.xor (local.get $x9) (i32x4.shl (local.get $t) (i32.const 2))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x12) (i32.const 2)) (local.get $x14)) (local.get $m))) (local.set $x14 (v128.xor (local.get $x14) (local.get $t))) (local.set $x12 (v128.xor (local.get $x12) (i32x4.shl (local.get $t) (i32.const 2))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x13) (i32.const 2)) (local.get $x15)) (local.get $m))) (local.set $x15 (v128.xor (local.get $x15) (local.get $t))) (local.set $x13 (v128.xor (local.get $x13) (i32x4.shl (local.get $t) (i32.const 2))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x16) (i32.const 2)) (local.get $x18)) (local.get $m))) (local.set $x18 (v128.xor (local.get $x18) (local.get $t))) (local.set $x16 (v128.xor (local.get $x16) (i32x4.shl (local.get $t) (i32.const 2))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x17) (i32.const 2)) (local.get $x19)) (local.get $m))) (local.set $x19 (v128.xor (local.get $x19) (local.get $t))) (local.set $x17 (v128.xor (local.get $x17) (i32x4.shl (local.get $t) (i32.const 2))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x20) (i32.const 2)) (local.get $x22)) (local.get $m))) (local.set $x22 (v128.xor (local.get $x22) (local.get $t))) (local.set $x20 (v128.xor (local.get $x20) (i32x4.shl (local.get $t) (i32.const 2))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x21) (i32.const 2)) (local.get $x23)) (local.get $m))) (local.set $x23 (v128.xor (local.get $x23) (local.get $t))) (local.set $x21 (v128.xor (local.get $x21) (i32x4.shl (local.get $t) (i32.const 2))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x24) (i32.const 2)) (local.get $x26)) (local.get $m))) (local.set $x26 (v128.xor (local.get $x26) (local.get $t))) (local.set $x24 (v128.xor (local.get $x24) (i32x4.shl (local.get $t) (i32.const 2))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x25) (i32.const 2)) (local.get $x27)) (local.get $m))) (local.set $x27 (v128.xor (local.get $x27) (local.get $t))) (local.set $x25 (v128.xor (local.get $x25) (i32x4.shl (local.get $t) (i32.const 2))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x28) (i32.const 2)) (local.get $x30)) (local.get $m))) (local.set $x30 (v128.xor (local.get $x30) (local.get $t))) (local.set $x28 (v128.xor (local.get $x28) (i32x4.shl (local.get $t) (i32.const 2))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x29) (i32.const 2)) (local.get $x31)) (local.get $m))) (local.set $x31 (v128.xor (local.get $x31) (local.get $t))) (local.set $x29 (v128.xor (local.get $x29) (i32x4.shl (local.get $t) (i32.const 2))))
    ;; blocks of 1 × 1 bits
    (local.set $m (v128.const i32x4 0x55555555 0x55555555 0x55555555 0x55555555))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x0) (i32.const 1)) (local.get $x1)) (local.get $m))) (local.set $x1 (v128.xor (local.get $x1) (local.get $t))) (local.set $x0 (v128.xor (local.get $x0) (i32x4.shl (local.get $t) (i32.const 1))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x2) (i32.const 1)) (local.get $x3)) (local.get $m))) (local.set $x3 (v128.xor (local.get $x3) (local.get $t))) (local.set $x2 (v128.xor (local.get $x2) (i32x4.shl (local.get $t) (i32.const 1))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x4) (i32.const 1)) (local.get $x5)) (local.get $m))) (local.set $x5 (v128.xor (local.get $x5) (local.get $t))) (local.set $x4 (v128.xor (local.get $x4) (i32x4.shl (local.get $t) (i32.const 1))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x6) (i32.const 1)) (local.get $x7)) (local.get $m))) (local.set $x7 (v128.xor (local.get $x7) (local.get $t))) (local.set $x6 (v128.xor (local.get $x6) (i32x4.shl (local.get $t) (i32.const 1))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x8) (i32.const 1)) (local.get $x9)) (local.get $m))) (local.set $x9 (v128.xor (local.get $x9) (local.get $t))) (local.set $x8 (v128.xor (local.get $x8) (i32x4.shl (local.get $t) (i32.const 1))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x10) (i32.const 1)) (local.get $x11)) (local.get $m))) (local.set $x11 (v128.xor (local.get $x11) (local.get $t))) (local.set $x10 (v128.xor (local.get $x10) (i32x4.shl (local.get $t) (i32.const 1))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x12) (i32.const 1)) (local.get $x13)) (local.get $m))) (local.set $x13 (v128.xor (local.get $x13) (local.get $t))) (local.set $x12 (v128.xor (local.get $x12) (i32x4.shl (local.get $t) (i32.const 1))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x14) (i32.const 1)) (local.get $x15)) (local.get $m))) (local.set $x15 (v128.xor (local.get $x15) (local.get $t))) (local.set $x14 (v128.xor (local.get $x14) (i32x4.shl (local.get $t) (i32.const 1))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x16) (i32.const 1)) (local.get $x17)) (local.get $m))) (local.set $x17 (v128.xor (local.get $x17) (local.get $t))) (local.set $x16 (v128.xor (local.get $x16) (i32x4.shl (local.get $t) (i32.const 1))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x18) (i32.const 1)) (local.get $x19)) (local.get $m))) (local.set $x19 (v128.xor (local.get $x19) (local.get $t))) (local.set $x18 (v128.xor (local.get $x18) (i32x4.shl (local.get $t) (i32.const 1))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x20) (i32.const 1)) (local.get $x21)) (local.get $m))) (local.set $x21 (v128.xor (local.get $x21) (local.get $t))) (local.set $x20 (v128.xor (local.get $x20) (i32x4.shl (local.get $t) (i32.const 1))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x22) (i32.const 1)) (local.get $x23)) (local.get $m))) (local.set $x23 (v128.xor (local.get $x23) (local.get $t))) (local.set $x22 (v128.xor (local.get $x22) (i32x4.shl (local.get $t) (i32.const 1))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x24) (i32.const 1)) (local.get $x25)) (local.get $m))) (local.set $x25 (v128.xor (local.get $x25) (local.get $t))) (local.set $x24 (v128.xor (local.get $x24) (i32x4.shl (local.get $t) (i32.const 1))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x26) (i32.const 1)) (local.get $x27)) (local.get $m))) (local.set $x27 (v128.xor (local.get $x27) (local.get $t))) (local.set $x26 (v128.xor (local.get $x26) (i32x4.shl (local.get $t) (i32.const 1))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x28) (i32.const 1)) (local.get $x29)) (local.get $m))) (local.set $x29 (v128.xor (local.get $x29) (local.get $t))) (local.set $x28 (v128.xor (local.get $x28) (i32x4.shl (local.get $t) (i32.const 1))))
    (local.set $t (v128.and (v128.xor (i32x4.shr_u (local.get $x30) (i32.const 1)) (local.get $x31)) (local.get $m))) (local.set $x31 (v128.xor (local.get $x31) (local.get $t))) (local.set $x30 (v128.xor (local.get $x30) (i32x4.shl (local.get $t) (i32.const 1))))
    (v128.store offset=0 (local.get $p) (local.get $x0))
    (v128.store offset=16 (local.get $p) (local.get $x1))
    (v128.store offset=32 (local.get $p) (local.get $x2))
    (v128.store offset=48 (local.get $p) (local.get $x3))
    (v128.store offset=64 (local.get $p) (local.get $x4))
    (v128.store offset=80 (local.get $p) (local.get $x5))
    (v128.store offset=96 (local.get $p) (local.get $x6))
    (v128.store offset=112 (local.get $p) (local.get $x7))
    (v128.store offset=128 (local.get $p) (local.get $x8))
    (v128.store offset=144 (local.get $p) (local.get $x9))
    (v128.store offset=160 (local.get $p) (local.get $x10))
    (v128.store offset=176 (local.get $p) (local.get $x11))
    (v128.store offset=192 (local.get $p) (local.get $x12))
    (v128.store offset=208 (local.get $p) (local.get $x13))
    (v128.store offset=224 (local.get $p) (local.get $x14))
    (v128.store offset=240 (local.get $p) (local.get $x15))
    (v128.store offset=256 (local.get $p) (local.get $x16))
    (v128.store offset=272 (local.get $p) (local.get $x17))
    (v128.store offset=288 (local.get $p) (local.get $x18))
    (v128.store offset=304 (local.get $p) (local.get $x19))
    (v128.store offset=320 (local.get $p) (local.get $x20))
    (v128.store offset=336 (local.get $p) (local.get $x21))
    (v128.store offset=352 (local.get $p) (local.get $x22))
    (v128.store offset=368 (local.get $p) (local.get $x23))
    (v128.store offset=384 (local.get $p) (local.get $x24))
    (v128.store offset=400 (local.get $p) (local.get $x25))
    (v128.store offset=416 (local.get $p) (local.get $x26))
    (v128.store offset=432 (local.get $p) (local.get $x27))
    (v128.store offset=448 (local.get $p) (local.get $x28))
    (v128.store offset=464 (local.get $p) (local.get $x29))
    (v128.store offset=480 (local.get $p) (local.get $x30))
    (v128.store offset=496 (local.get $p) (local.get $x31)))

  ;; Bit columns of `nBlocks` × 128 rows (rows past the last are zero in memory): for each
  ;; 32-bit word w < words of the rows, the rows of each block and lane are transposed in
  ;; `scratch` (512 bytes), so that column 32·w + i gets bit i of word w of every row. Column
  ;; c starts at colPtr + c·colBytes, block k at 16·k within it.
  (func (export "transpose_rows")
    (param $rowPtr i32) (param $nBlocks i32) (param $stride i32) (param $words i32)
    (param $colPtr i32) (param $colBytes i32) (param $scratch i32)
    (local $k i32) (local $w i32) (local $i i32) (local $row i32) (local $dst i32)
    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.ge_u (local.get $k) (local.get $nBlocks)))
        (local.set $w (i32.const 0))
        (block $wordsDone
          (loop $words
            (br_if $wordsDone (i32.ge_u (local.get $w) (local.get $words)))
            ;; vector i: word w of rows 128·k + 4·i + (0 … 3)
            (local.set $i (i32.const 0))
            (local.set $row (i32.add
              (i32.add (local.get $rowPtr) (i32.mul (i32.shl (local.get $k) (i32.const 7)) (local.get $stride)))
              (i32.shl (local.get $w) (i32.const 2))))
            (block $gathered
              (loop $gather
                (br_if $gathered (i32.ge_u (local.get $i) (i32.const 32)))
                (v128.store
                  (i32.add (local.get $scratch) (i32.shl (local.get $i) (i32.const 4)))
                  (v128.load32_lane 3 (i32.add (local.get $row) (i32.mul (local.get $stride) (i32.const 3)))
                    (v128.load32_lane 2 (i32.add (local.get $row) (i32.shl (local.get $stride) (i32.const 1)))
                      (v128.load32_lane 1 (i32.add (local.get $row) (local.get $stride))
                        (v128.load32_zero (local.get $row))))))
                (local.set $row (i32.add (local.get $row) (i32.shl (local.get $stride) (i32.const 2))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $gather)))
            (call $transpose32 (local.get $scratch))
            ;; vector i is now block k of column 32·w + i
            (local.set $i (i32.const 0))
            (local.set $dst (i32.add
              (i32.add (local.get $colPtr) (i32.shl (local.get $k) (i32.const 4)))
              (i32.mul (i32.shl (local.get $w) (i32.const 5)) (local.get $colBytes))))
            (block $scattered
              (loop $scatter
                (br_if $scattered (i32.ge_u (local.get $i) (i32.const 32)))
                (v128.store (local.get $dst) (v128.load (i32.add (local.get $scratch) (i32.shl (local.get $i) (i32.const 4)))))
                (local.set $dst (i32.add (local.get $dst) (local.get $colBytes)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $scatter)))
            (local.set $w (i32.add (local.get $w) (i32.const 1)))
            (br $words)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $blocks))))

  ;; Band keys for locality-sensitive hashing on bit samples: bit i of the key of a row is
  ;; the row's bit in sampled column i. `offsets` holds r ≤ 32 byte offsets of columns from
  ;; colPtr. Keys of 128 rows per block land at keys + 512·k, in row order: the r column
  ;; blocks are copied there, zero-extended to 32, and transposed in place.
  (func (export "band_keys") (param $colPtr i32) (param $nBlocks i32) (param $offsets i32) (param $r i32) (param $keys i32)
    (local $k i32) (local $i i32) (local $src i32)
    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.ge_u (local.get $k) (local.get $nBlocks)))
        (local.set $src (i32.add (local.get $colPtr) (i32.shl (local.get $k) (i32.const 4))))
        (local.set $i (i32.const 0))
        (block $copied
          (loop $copy
            (br_if $copied (i32.ge_u (local.get $i) (local.get $r)))
            (v128.store
              (i32.add (local.get $keys) (i32.shl (local.get $i) (i32.const 4)))
              (v128.load (i32.add (local.get $src) (i32.load (i32.add (local.get $offsets) (i32.shl (local.get $i) (i32.const 2)))))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $copy)))
        (block $zeroed
          (loop $zero
            (br_if $zeroed (i32.ge_u (local.get $i) (i32.const 32)))
            (v128.store (i32.add (local.get $keys) (i32.shl (local.get $i) (i32.const 4))) (v128.const i64x2 0 0))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $zero)))
        (call $transpose32 (local.get $keys))
        (local.set $keys (i32.add (local.get $keys) (i32.const 512)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $blocks))))

  ;; Counting sort of n rows into 2^bits partitions (1 ≤ bits ≤ 31) by the hash of their key.
  ;; Partition h holds positions start[h] .. start[h+1]; at each position a 16-byte record
  ;; {key, row, popcount, first hit partner so far}, so that a join reads them sequentially.
  (func (export "partition_rows")
    (param $keys i32) (param $pops i32) (param $seen i32) (param $n i32) (param $bits i32) (param $start i32) (param $records i32)
    (local $size i32) (local $i i32) (local $h i32) (local $slot i32) (local $key i32) (local $at i32) (local $shift i32)
    (local.set $size (i32.shl (i32.const 1) (local.get $bits)))
    (local.set $shift (i32.sub (i32.const 32) (local.get $bits)))
    (memory.fill (local.get $start) (i32.const 0) (i32.shl (i32.add (local.get $size) (i32.const 1)) (i32.const 2)))
    (block $counted
      (loop $count
        (br_if $counted (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $slot (i32.add (local.get $start) (i32.shl (i32.add
          (i32.shr_u (i32.mul (i32.load (i32.add (local.get $keys) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 0x9E3779B1)) (local.get $shift))
          (i32.const 1)) (i32.const 2))))
        (i32.store (local.get $slot) (i32.add (i32.load (local.get $slot)) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $count)))
    (local.set $h (i32.const 1))
    (block $summed
      (loop $sum
        (br_if $summed (i32.gt_u (local.get $h) (local.get $size)))
        (local.set $slot (i32.add (local.get $start) (i32.shl (local.get $h) (i32.const 2))))
        (i32.store (local.get $slot) (i32.add (i32.load (local.get $slot)) (i32.load offset=0 (i32.sub (local.get $slot) (i32.const 4)))))
        (local.set $h (i32.add (local.get $h) (i32.const 1)))
        (br $sum)))
    ;; place each row at the cursor of its partition; cursors end one partition ahead
    (local.set $i (i32.const 0))
    (block $placed
      (loop $place
        (br_if $placed (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $key (i32.load (i32.add (local.get $keys) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $slot (i32.add (local.get $start) (i32.shl
          (i32.shr_u (i32.mul (local.get $key) (i32.const 0x9E3779B1)) (local.get $shift)) (i32.const 2))))
        (local.set $at (i32.add (local.get $records) (i32.shl (i32.load (local.get $slot)) (i32.const 4))))
        (i32.store offset=0 (local.get $at) (local.get $key))
        (i32.store offset=4 (local.get $at) (local.get $i))
        (i32.store offset=8 (local.get $at) (i32.load (i32.add (local.get $pops) (i32.shl (local.get $i) (i32.const 2)))))
        (i32.store offset=12 (local.get $at) (i32.load (i32.add (local.get $seen) (i32.shl (local.get $i) (i32.const 2)))))
        (i32.store (local.get $slot) (i32.add (i32.load (local.get $slot)) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $place)))
    ;; shift the cursors back so start[h] is again the first position of partition h
    (local.set $h (local.get $size))
    (block $shifted
      (loop $shift
        (br_if $shifted (i32.eqz (local.get $h)))
        (local.set $slot (i32.add (local.get $start) (i32.shl (local.get $h) (i32.const 2))))
        (i32.store (local.get $slot) (i32.load offset=0 (i32.sub (local.get $slot) (i32.const 4))))
        (local.set $h (i32.sub (local.get $h) (i32.const 1)))
        (br $shift)))
    (i32.store (local.get $start) (i32.const 0)))

;; For each popcount |a| ≤ bitLen, the B popcounts whose pairs can reach the threshold:
  ;; 2·min(|a|, |b|) ≥ t·(|a| + |b|) ⟺ t·|a|/(2 − t) ≤ |b| ≤ |a|·(2 − t)/t. Stored at ranges as
  ;; {u32 lo, u32 hi − lo}, rounded outwards (the kernel decides exactly later); |a| = 0 gets
  ;; an empty range (an empty pair is never a hit).
  (func $pop_ranges (param $ranges i32) (param $bitLen i32) (param $t f64)
    (local $p i32) (local $lo i32) (local $hi i32)
    (i64.store (local.get $ranges) (i64.const 0x00000000ffffffff))
    (local.set $p (i32.const 1))
    (block $done
      (loop $pops
        (br_if $done (i32.gt_u (local.get $p) (local.get $bitLen)))
        (local.set $lo (i32.trunc_sat_f64_u (f64.floor (f64.mul (f64.div (f64.mul (f64.convert_i32_u (local.get $p)) (local.get $t)) (f64.sub (f64.const 2) (local.get $t))) (f64.const 0.999999)))))
        (local.set $hi (i32.trunc_sat_f64_u (f64.ceil (f64.mul (f64.div (f64.mul (f64.convert_i32_u (local.get $p)) (f64.sub (f64.const 2) (local.get $t))) (local.get $t)) (f64.const 1.000001)))))
        (if (i32.lt_u (local.get $hi) (local.get $lo))
          (then
            (local.set $lo (i32.const -1))
            (local.set $hi (i32.const -1))))
        (i32.store (i32.add (local.get $ranges) (i32.shl (local.get $p) (i32.const 3))) (local.get $lo))
        (i32.store offset=4 (i32.add (local.get $ranges) (i32.shl (local.get $p) (i32.const 3))) (i32.sub (local.get $hi) (local.get $lo)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pops))))

    ;; Compares a batch of n candidates (16 bytes each: A row, B row, popcount sum, larger
  ;; possible tail intersection) and writes the hits at out; returns their number. The rows of
  ;; the batch are first touched together, so that their cache misses overlap. A hit is
  ;; remembered as the first partner of its rows in seenA / seenB (−1 for none), so that later
  ;; bands skip the pair before reading its rows.
  (func $compare_batch
    (param $cand i32) (param $n i32) (param $aPtr i32) (param $bPtr i32) (param $bOrig i32) (param $stride i32)
    (param $t f64) (param $out i32) (param $seenA i32) (param $seenB i32)
    (result i32)
    (local $c i32) (local $end i32) (local $x i32) (local $y i32) (local $touch i64) (local $acc i64)
    (local $a i32) (local $b i32) (local $sum i32) (local $rest i32) (local $hits i32) (local $at i32)
    (local $need f64) (local $score f64) (local $tLow f64)
    (local.set $tLow (f64.mul (local.get $t) (f64.const 0.999999)))
    (global.set $compared (i64.add (global.get $compared) (i64.extend_i32_u (local.get $n))))
    (local.set $end (i32.add (local.get $cand) (i32.shl (local.get $n) (i32.const 4))))
    ;; 1. touch the first and last word of both rows: independent loads whose misses overlap
    (local.set $c (local.get $cand))
    (block $touched
      (loop $touchRows
        (br_if $touched (i32.ge_u (local.get $c) (local.get $end)))
        (local.set $x (i32.add (local.get $aPtr) (i32.mul (i32.load offset=0 (local.get $c)) (local.get $stride))))
        (local.set $y (i32.add (local.get $bPtr) (i32.mul (i32.load offset=4 (local.get $c)) (local.get $stride))))
        (local.set $touch (i64.xor (local.get $touch)
          (i64.xor
            (i64.xor (i64.load (local.get $y)) (i64.load (i32.sub (i32.add (local.get $y) (local.get $stride)) (i32.const 8))))
            (i64.xor (i64.load (local.get $x)) (i64.load (i32.sub (i32.add (local.get $x) (local.get $stride)) (i32.const 8)))))))
        (local.set $c (i32.add (local.get $c) (i32.const 16)))
        (br $touchRows)))
    (global.set $sink (i64.xor (global.get $sink) (local.get $touch)))
    ;; 2. compare
    (local.set $c (local.get $cand))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $c) (local.get $end)))
        (local.set $a (i32.load offset=0 (local.get $c)))
        (local.set $b (i32.load offset=4 (local.get $c)))
        (local.set $sum (i32.load offset=8 (local.get $c)))
        (local.set $rest (i32.load offset=12 (local.get $c)))
        (local.set $c (i32.add (local.get $c) (i32.const 16)))
        (local.set $x (i32.add (local.get $aPtr) (i32.mul (local.get $a) (local.get $stride))))
        (local.set $y (i32.add (local.get $bPtr) (i32.mul (local.get $b) (local.get $stride))))
        (local.set $acc
          (i64.add
            (i64.add
              (i64.add
                (i64.popcnt (i64.and (i64.load offset=0 (local.get $x)) (i64.load offset=0 (local.get $y))))
                (i64.popcnt (i64.and (i64.load offset=8 (local.get $x)) (i64.load offset=8 (local.get $y)))))
              (i64.add
                (i64.popcnt (i64.and (i64.load offset=16 (local.get $x)) (i64.load offset=16 (local.get $y))))
                (i64.popcnt (i64.and (i64.load offset=24 (local.get $x)) (i64.load offset=24 (local.get $y))))))
            (i64.add
              (i64.add
                (i64.popcnt (i64.and (i64.load offset=32 (local.get $x)) (i64.load offset=32 (local.get $y))))
                (i64.popcnt (i64.and (i64.load offset=40 (local.get $x)) (i64.load offset=40 (local.get $y)))))
              (i64.add
                (i64.popcnt (i64.and (i64.load offset=48 (local.get $x)) (i64.load offset=48 (local.get $y))))
                (i64.popcnt (i64.and (i64.load offset=56 (local.get $x)) (i64.load offset=56 (local.get $y))))))))
        (local.set $need (f64.mul (local.get $tLow) (f64.convert_i32_u (local.get $sum))))
        ;; the tail (another cache line of each row) is read only if it can still matter
        (br_if $pairs (f64.lt
          (f64.convert_i32_u (i32.shl (i32.add (i32.wrap_i64 (local.get $acc)) (local.get $rest)) (i32.const 1)))
          (local.get $need)))
        (local.set $acc (i64.add (local.get $acc) (call $tail_popcnt (local.get $x) (local.get $y) (local.get $stride))))
        (br_if $pairs (f64.lt (f64.convert_i32_u (i32.shl (i32.wrap_i64 (local.get $acc)) (i32.const 1))) (local.get $need)))
        (local.set $score (f64.div (f64.convert_i32_u (i32.shl (i32.wrap_i64 (local.get $acc)) (i32.const 1))) (f64.convert_i32_u (local.get $sum))))
        ;; not `score < t`: an empty pair gives NaN, which is never a hit
        (br_if $pairs (i32.eqz (f64.ge (local.get $score) (local.get $t))))
        (local.set $at (i32.add (local.get $seenA) (i32.shl (local.get $a) (i32.const 2))))
        (if (i32.eq (i32.load (local.get $at)) (i32.const -1)) (then (i32.store (local.get $at) (local.get $b))))
        (local.set $at (i32.add (local.get $seenB) (i32.shl (local.get $b) (i32.const 2))))
        (if (i32.eq (i32.load (local.get $at)) (i32.const -1)) (then (i32.store (local.get $at) (local.get $a))))
        (i32.store offset=0 (local.get $out) (local.get $a))
        (i32.store offset=4 (local.get $out) (i32.load (i32.add (local.get $bOrig) (i32.shl (local.get $b) (i32.const 2)))))
        (f64.store offset=8 (local.get $out) (local.get $score))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (local.set $hits (i32.add (local.get $hits) (i32.const 1)))
        (br $pairs)))
    (local.get $hits))

  ;; Pairs of one band. Both sides were partitioned by partition_rows on the top `bits` bits
  ;; of the hash of their keys, so a partition of A meets only the same partition of B, and
  ;; both fit in cache. The partition's B rows are chained in a table of 2^tBits heads
  ;; indexed by the next tBits bits of the hash: 8-byte entries {key, record} (record −1 when
  ;; empty; all empty between calls), and `next` holds, per B record of the partition, the
  ;; entry that followed it, so that each step of a walk reads one entry. Each A row of the
  ;; partition walks its chain. A B row with the same key whose popcount can reach the
  ;; threshold, and that is not already known as a hit partner of the A row (or the A row of
  ;; it), becomes a candidate; candidates are compared in batches of about 256. Works on
  ;; partitions [pFrom, pTo), starting at A position aFrom; stops before an A row whose
  ;; candidates might not fit in the output: `resume_part` and `resume_at` then tell where to
  ;; continue (resume_part = pTo when done). `cand` holds the B rows of a partition plus 256
  ;; candidates, `out` outCap hits, at least as many.
  (func (export "band_join")
    (param $pFrom i32) (param $pTo i32) (param $aFrom i32) (param $bits i32) (param $tBits i32)
    (param $aStart i32) (param $aRec i32) (param $aPtr i32)
    (param $bStart i32) (param $bRec i32) (param $bPtr i32) (param $bOrig i32)
    (param $stride i32) (param $t f64) (param $out i32) (param $outCap i32) (param $cand i32)
    (param $head i32) (param $next i32) (param $seenA i32) (param $seenB i32) (param $ranges i32) (param $bitLen i32)
    (result i32)
    (local $p i32) (local $e i32) (local $aEnd i32) (local $bFirst i32) (local $bEnd i32) (local $bCount i32)
    (local $shift i32) (local $mask i32) (local $slot i32) (local $key i32) (local $j i32) (local $r i32) (local $entry i64)
    (local $pa i32) (local $restA i32) (local $pb i32) (local $rest i32) (local $aRow i32) (local $bRow i32)
    (local $n i32) (local $c i32) (local $hits i32) (local $seen i32) (local $lo i32) (local $width i32)
    (call $pop_ranges (local.get $ranges) (local.get $bitLen) (local.get $t))
    (local.set $shift (i32.sub (i32.sub (i32.const 32) (local.get $bits)) (local.get $tBits)))
    (local.set $mask (i32.sub (i32.shl (i32.const 1) (local.get $tBits)) (i32.const 1)))
    (local.set $p (local.get $pFrom))
    (block $allParts
      (loop $parts
        (br_if $allParts (i32.ge_u (local.get $p) (local.get $pTo)))
        (local.set $e (i32.load (i32.add (local.get $aStart) (i32.shl (local.get $p) (i32.const 2)))))
        (if (i32.lt_u (local.get $e) (local.get $aFrom)) (then (local.set $e (local.get $aFrom))))
        (local.set $aEnd (i32.load offset=4 (i32.add (local.get $aStart) (i32.shl (local.get $p) (i32.const 2)))))
        (local.set $bFirst (i32.load (i32.add (local.get $bStart) (i32.shl (local.get $p) (i32.const 2)))))
        (local.set $bEnd (i32.load offset=4 (i32.add (local.get $bStart) (i32.shl (local.get $p) (i32.const 2)))))
        (local.set $bCount (i32.sub (local.get $bEnd) (local.get $bFirst)))
        (if (i32.and (i32.ne (local.get $bCount) (i32.const 0)) (i32.lt_u (local.get $e) (local.get $aEnd)))
          (then
            ;; chain the partition's B records, the last first so that chains run in order
            (local.set $j (local.get $bEnd))
            (block $built
              (loop $build
                (br_if $built (i32.le_u (local.get $j) (local.get $bFirst)))
                (local.set $j (i32.sub (local.get $j) (i32.const 1)))
                (local.set $key (i32.load (i32.add (local.get $bRec) (i32.shl (local.get $j) (i32.const 4)))))
                (local.set $slot (i32.add (local.get $head) (i32.shl (i32.and
                  (i32.shr_u (i32.mul (local.get $key) (i32.const 0x9E3779B1)) (local.get $shift))
                  (local.get $mask)) (i32.const 3))))
                (i64.store (i32.add (local.get $next) (i32.shl (i32.sub (local.get $j) (local.get $bFirst)) (i32.const 3))) (i64.load (local.get $slot)))
                (i64.store (local.get $slot) (i64.or (i64.extend_i32_u (local.get $key)) (i64.shl (i64.extend_i32_u (local.get $j)) (i64.const 32))))
                (br $build)))
            (block $probed
              (loop $probe
                (br_if $probed (i32.ge_u (local.get $e) (local.get $aEnd)))
                ;; room for this row's candidates, in the batch and in the output
                (if (i32.gt_u (i32.add (local.get $n) (local.get $bCount)) (i32.sub (local.get $outCap) (local.get $hits)))
                  (then
                    (local.set $hits (i32.add (local.get $hits)
                      (call $compare_batch (local.get $cand) (local.get $n) (local.get $aPtr) (local.get $bPtr) (local.get $bOrig)
                        (local.get $stride) (local.get $t) (i32.add (local.get $out) (i32.shl (local.get $hits) (i32.const 4))) (local.get $seenA) (local.get $seenB))))
                    (local.set $n (i32.const 0))
                    (if (i32.gt_u (local.get $bCount) (i32.sub (local.get $outCap) (local.get $hits)))
                      (then
                        (call $unchain (local.get $bRec) (local.get $bFirst) (local.get $bEnd) (local.get $head) (local.get $shift) (local.get $mask))
                        (global.set $resumePart (local.get $p))
                        (global.set $resume (local.get $e))
                        (return (local.get $hits))))))
                (local.set $r (i32.add (local.get $aRec) (i32.shl (local.get $e) (i32.const 4))))
                (local.set $key (i32.load (local.get $r)))
                (local.set $entry (i64.load (i32.add (local.get $head) (i32.shl (i32.and
                  (i32.shr_u (i32.mul (local.get $key) (i32.const 0x9E3779B1)) (local.get $shift))
                  (local.get $mask)) (i32.const 3)))))
                (if (i64.ne (i64.shr_u (local.get $entry) (i64.const 32)) (i64.const 0xffffffff))
                  (then
                    (local.set $pa (i32.load offset=8 (local.get $r)))
                    (local.set $restA (i32.sub (i32.and (local.get $pa) (i32.const 0xffff)) (i32.shr_u (local.get $pa) (i32.const 16))))
                    (local.set $pa (i32.and (local.get $pa) (i32.const 0xffff)))
                    (local.set $aRow (i32.load offset=4 (local.get $r)))
                    (local.set $seen (i32.load offset=12 (local.get $r)))
                    ;; the B popcounts that can reach the threshold with |a|
                    (local.set $lo (i32.load (i32.add (local.get $ranges) (i32.shl (local.get $pa) (i32.const 3)))))
                    (local.set $width (i32.load offset=4 (i32.add (local.get $ranges) (i32.shl (local.get $pa) (i32.const 3)))))
                    ;; without branches: every chained row is written to the batch, and counts
                    ;; only when it is a candidate
                    (loop $chain
                      (local.set $j (i32.wrap_i64 (i64.shr_u (local.get $entry) (i64.const 32))))
                      (local.set $r (i32.add (local.get $bRec) (i32.shl (local.get $j) (i32.const 4))))
                      (local.set $pb (i32.load offset=8 (local.get $r)))
                      (local.set $rest (i32.sub (i32.and (local.get $pb) (i32.const 0xffff)) (i32.shr_u (local.get $pb) (i32.const 16))))
                      (local.set $pb (i32.and (local.get $pb) (i32.const 0xffff)))
                      (local.set $bRow (i32.load offset=4 (local.get $r)))
                      (local.set $c (i32.add (local.get $cand) (i32.shl (local.get $n) (i32.const 4))))
                      (i32.store offset=0 (local.get $c) (local.get $aRow))
                      (i32.store offset=4 (local.get $c) (local.get $bRow))
                      (i32.store offset=8 (local.get $c) (i32.add (local.get $pa) (local.get $pb)))
                      (i32.store offset=12 (local.get $c)
                        (select (local.get $restA) (local.get $rest) (i32.lt_u (local.get $restA) (local.get $rest))))
                      ;; the same key, a popcount that can reach the threshold, and not a pair
                      ;; already found in an earlier band
                      (local.set $n (i32.add (local.get $n)
                        (i32.and
                          (i32.and
                            (i32.eq (local.get $key) (i32.wrap_i64 (local.get $entry)))
                            (i32.le_u (i32.sub (local.get $pb) (local.get $lo)) (local.get $width)))
                          (i32.and
                            (i32.ne (local.get $bRow) (local.get $seen))
                            (i32.ne (local.get $aRow) (i32.load offset=12 (local.get $r)))))))
                      (local.set $entry (i64.load (i32.add (local.get $next) (i32.shl (i32.sub (local.get $j) (local.get $bFirst)) (i32.const 3)))))
                      (br_if $chain (i64.ne (i64.shr_u (local.get $entry) (i64.const 32)) (i64.const 0xffffffff))))))
                (local.set $e (i32.add (local.get $e) (i32.const 1)))
                (if (i32.ge_u (local.get $n) (i32.const 256))
                  (then
                    (local.set $hits (i32.add (local.get $hits)
                      (call $compare_batch (local.get $cand) (local.get $n) (local.get $aPtr) (local.get $bPtr) (local.get $bOrig)
                        (local.get $stride) (local.get $t) (i32.add (local.get $out) (i32.shl (local.get $hits) (i32.const 4))) (local.get $seenA) (local.get $seenB))))
                    (local.set $n (i32.const 0))))
                (br $probe)))
            (call $unchain (local.get $bRec) (local.get $bFirst) (local.get $bEnd) (local.get $head) (local.get $shift) (local.get $mask))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $parts)))
    (local.set $hits (i32.add (local.get $hits)
      (call $compare_batch (local.get $cand) (local.get $n) (local.get $aPtr) (local.get $bPtr) (local.get $bOrig)
        (local.get $stride) (local.get $t) (i32.add (local.get $out) (i32.shl (local.get $hits) (i32.const 4))) (local.get $seenA) (local.get $seenB))))
    (global.set $resumePart (local.get $pTo))
    (global.set $resume (i32.const 0))
    (local.get $hits))

  ;; empties the heads that the B records [from, to) were chained into
  (func $unchain (param $bRec i32) (param $from i32) (param $to i32) (param $head i32) (param $shift i32) (param $mask i32)
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $from) (local.get $to)))
        (i64.store (i32.add (local.get $head) (i32.shl (i32.and
          (i32.shr_u (i32.mul (i32.load (i32.add (local.get $bRec) (i32.shl (local.get $from) (i32.const 4)))) (i32.const 0x9E3779B1)) (local.get $shift))
          (local.get $mask)) (i32.const 3))) (i64.const -1))
        (local.set $from (i32.add (local.get $from) (i32.const 1)))
        (br $rows))))
)
