;; Sørensen–Dice comparison of Bloom-filter encodings (CLKs), hand-written WebAssembly.
;;
;; dice(a, b) = 2·|a ∧ b| / (|a| + |b|), |x| the popcount. Filters are stored back to back,
;; `stride` bytes each (a multiple of 32, zero-padded), in a memory shared by all workers.
;; Popcount tables hold, per row, |x| in the low 16 bits and the popcount of the row's first
;; `head` bytes in the high 16 bits. After the head of a pair is compared, the tail is read
;; only if |a ∧ b| ≤ |head intersection| + min(tail popcounts) can still reach the threshold.
;; Each kernel writes its hits as 16-byte records {u32 left, u32 right, f64 score} and stops
;; before a row whose candidates might not fit in the output; `resume_at` tells the caller
;; where to continue. `compared` counts the pairs whose intersection was computed.
;;
;; Compiled to dice-kernel.generated.ts by build-dice-kernel.node.ts (wabt, threads feature).
(module
  (import "env" "memory" (memory 1 65536 shared))

  (global $resume (mut i32) (i32.const 0))
  (global $compared (mut i64) (i64.const 0))
  ;; receives the touched words, so that the loads of band_join cannot be dropped
  (global $sink (mut i64) (i64.const 0))

  (func (export "resume_at") (result i32) (global.get $resume))
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

  ;; All pairs of rows [aFrom, aTo) of A with B, where B is sorted by popcount, tiled: B is
  ;; walked in blocks of `tile` rows from row `bFrom`, and every A row of the call meets a
  ;; block while it sits in cache. Only B rows whose popcount can reach the threshold are
  ;; visited: dice ≤ 2·min(|a|,|b|)/(|a|+|b|), so t·|a|/(2−t) ≤ |b| ≤ |a|·(2−t)/t. `bStart[p]`
  ;; is the first B row of popcount ≥ p (bitLen + 2 entries); `bOrig` maps a sorted B row
  ;; back to its index in the input. Stops before a block whose hits might not fit;
  ;; `resume_at` is then the B row to continue from (nB when done).
  (func (export "scan_all")
    (param $aPtr i32) (param $aPop i32) (param $aFrom i32) (param $aTo i32)
    (param $bPtr i32) (param $bPop i32) (param $bOrig i32) (param $bStart i32) (param $bitLen i32)
    (param $stride i32) (param $head i32) (param $t f64) (param $out i32) (param $outCap i32)
    (param $bFrom i32) (param $nB i32) (param $tile i32)
    (result i32)
    (local $block i32) (local $blockEnd i32)
    (local $a i32) (local $pa i32) (local $restA i32) (local $lo i32) (local $hi i32) (local $j i32) (local $end i32)
    (local $aAddr i32) (local $bAddr i32) (local $bEnd i32) (local $popAt i32) (local $sum i32) (local $hits i32)
    (local $x i32) (local $y i32) (local $end2 i32) (local $acc i64)
    (local $need f64) (local $twice f64) (local $score f64) (local $tLow f64)
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
        (local.set $bAddr (i32.add (local.get $bPtr) (i32.mul (local.get $j) (local.get $stride))))
        (local.set $bEnd (i32.add (local.get $bPtr) (i32.mul (local.get $end) (local.get $stride))))
        (local.set $popAt (i32.add (local.get $bPop) (i32.shl (local.get $j) (i32.const 2))))
        ;; the hot loop: few live values, addresses advanced in place
        (block $rowDone
          (loop $cols
            (br_if $rowDone (i32.ge_u (local.get $bAddr) (local.get $bEnd)))
            (local.set $sum (i32.add (local.get $pa) (i32.and (i32.load (local.get $popAt)) (i32.const 0xffff))))
            (local.set $x (local.get $aAddr))
            (local.set $y (local.get $bAddr))
            (local.set $end2 (i32.add (local.get $x) (local.get $head)))
            (local.set $acc (i64.const 0))
            (loop $headWords
              (local.set $acc
                (i64.add (local.get $acc)
                  (i64.add
                    (i64.add
                      (i64.popcnt (i64.and (i64.load offset=0 (local.get $x)) (i64.load offset=0 (local.get $y))))
                      (i64.popcnt (i64.and (i64.load offset=8 (local.get $x)) (i64.load offset=8 (local.get $y)))))
                    (i64.add
                      (i64.popcnt (i64.and (i64.load offset=16 (local.get $x)) (i64.load offset=16 (local.get $y))))
                      (i64.popcnt (i64.and (i64.load offset=24 (local.get $x)) (i64.load offset=24 (local.get $y))))))))
              (local.set $x (i32.add (local.get $x) (i32.const 32)))
              (local.set $y (i32.add (local.get $y) (i32.const 32)))
              (br_if $headWords (i32.lt_u (local.get $x) (local.get $end2))))
            ;; after the head: even if every remaining bit of a's tail matched, can the pair
            ;; still reach the threshold? If not, the tail is never read.
            (local.set $need (f64.mul (local.get $tLow) (f64.convert_i32_u (local.get $sum))))
            (if (f64.ge
                  (f64.convert_i32_u (i32.shl (i32.add (i32.wrap_i64 (local.get $acc)) (local.get $restA)) (i32.const 1)))
                  (local.get $need))
              (then
                (local.set $end2 (i32.add (local.get $aAddr) (local.get $stride)))
                (if (i32.lt_u (local.get $x) (local.get $end2))
                  (then
                    (loop $tailWords
                      (local.set $acc
                        (i64.add (local.get $acc)
                          (i64.add
                            (i64.add
                              (i64.popcnt (i64.and (i64.load offset=0 (local.get $x)) (i64.load offset=0 (local.get $y))))
                              (i64.popcnt (i64.and (i64.load offset=8 (local.get $x)) (i64.load offset=8 (local.get $y)))))
                            (i64.add
                              (i64.popcnt (i64.and (i64.load offset=16 (local.get $x)) (i64.load offset=16 (local.get $y))))
                              (i64.popcnt (i64.and (i64.load offset=24 (local.get $x)) (i64.load offset=24 (local.get $y))))))))
                      (local.set $x (i32.add (local.get $x) (i32.const 32)))
                      (local.set $y (i32.add (local.get $y) (i32.const 32)))
                      (br_if $tailWords (i32.lt_u (local.get $x) (local.get $end2))))))
                ;; cheap multiplication test first; the division decides exactly (an empty pair
                ;; gives NaN and is never a hit)
                (local.set $twice (f64.convert_i32_u (i32.shl (i32.wrap_i64 (local.get $acc)) (i32.const 1))))
                (if (f64.ge (local.get $twice) (local.get $need))
                  (then
                    (local.set $score (f64.div (local.get $twice) (f64.convert_i32_u (local.get $sum))))
                    (if (f64.ge (local.get $score) (local.get $t))
                      (then
                        ;; the hit, written in place: a call here would make the loop spill
                        (local.set $j (i32.div_u (i32.sub (local.get $bAddr) (local.get $bPtr)) (local.get $stride)))
                        (i32.store offset=0 (local.get $out) (local.get $a))
                        (i32.store offset=4 (local.get $out) (i32.load (i32.add (local.get $bOrig) (i32.shl (local.get $j) (i32.const 2)))))
                        (f64.store offset=8 (local.get $out) (local.get $score))
                        (local.set $out (i32.add (local.get $out) (i32.const 16)))
                        (local.set $hits (i32.add (local.get $hits) (i32.const 1)))))))))
            (local.set $bAddr (i32.add (local.get $bAddr) (local.get $stride)))
            (local.set $popAt (i32.add (local.get $popAt) (i32.const 4)))
            (br $cols)))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $rows)))
        (local.set $block (local.get $blockEnd))
        (br $blocks)))
    (global.set $resume (local.get $nB))
    (local.get $hits))

  ;; Band keys for locality-sensitive hashing on bit samples: key = the r sampled bits of
  ;; the filter. `pos` holds r pairs {u32 byte offset, u32 right shift}.
  (func (export "band_keys") (param $ptr i32) (param $count i32) (param $stride i32) (param $pos i32) (param $r i32) (param $out i32)
    (local $i i32) (local $k i32) (local $key i32) (local $p i32)
    (block $done
      (loop $filters
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $key (i32.const 0))
        (local.set $k (i32.const 0))
        (local.set $p (local.get $pos))
        (block $keyDone
          (loop $bits
            (br_if $keyDone (i32.ge_u (local.get $k) (local.get $r)))
            (local.set $key (i32.or (local.get $key)
              (i32.shl
                (i32.and
                  (i32.shr_u (i32.load8_u (i32.add (local.get $ptr) (i32.load offset=0 (local.get $p)))) (i32.load offset=4 (local.get $p)))
                  (i32.const 1))
                (local.get $k))))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $bits)))
        (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2))) (local.get $key))
        (local.set $ptr (i32.add (local.get $ptr) (local.get $stride)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $filters))))

  (func $bucket (param $key i32) (param $bits i32) (result i32)
    (i32.shr_u (i32.mul (local.get $key) (i32.const 0x9E3779B1)) (i32.sub (i32.const 32) (local.get $bits))))

  ;; Counting sort of n rows into 2^bits buckets by the hash of their key. Bucket h holds
  ;; positions start[h] .. start[h+1]; at each position, order = the row, okeys = its key and
  ;; opops = its popcount, so that a join reads keys and popcounts sequentially.
  (func (export "bucket_build")
    (param $keys i32) (param $pops i32) (param $n i32) (param $bits i32)
    (param $start i32) (param $order i32) (param $okeys i32) (param $opops i32)
    (local $size i32) (local $i i32) (local $h i32) (local $slot i32) (local $key i32) (local $at i32)
    (local.set $size (i32.shl (i32.const 1) (local.get $bits)))
    (memory.fill (local.get $start) (i32.const 0) (i32.shl (i32.add (local.get $size) (i32.const 1)) (i32.const 2)))
    (block $counted
      (loop $count
        (br_if $counted (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $slot (i32.add (local.get $start) (i32.shl (i32.add
          (call $bucket (i32.load (i32.add (local.get $keys) (i32.shl (local.get $i) (i32.const 2)))) (local.get $bits))
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
    ;; place each row at the cursor of its bucket; cursors end one bucket ahead
    (local.set $i (i32.const 0))
    (block $placed
      (loop $place
        (br_if $placed (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $key (i32.load (i32.add (local.get $keys) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $slot (i32.add (local.get $start) (i32.shl (call $bucket (local.get $key) (local.get $bits)) (i32.const 2))))
        (local.set $at (i32.shl (i32.load (local.get $slot)) (i32.const 2)))
        (i32.store (i32.add (local.get $order) (local.get $at)) (local.get $i))
        (i32.store (i32.add (local.get $okeys) (local.get $at)) (local.get $key))
        (i32.store (i32.add (local.get $opops) (local.get $at))
          (i32.load (i32.add (local.get $pops) (i32.shl (local.get $i) (i32.const 2)))))
        (i32.store (local.get $slot) (i32.add (i32.load (local.get $slot)) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $place)))
    ;; shift the cursors back so start[h] is again the first slot of bucket h
    (local.set $h (local.get $size))
    (block $shifted
      (loop $shift
        (br_if $shifted (i32.eqz (local.get $h)))
        (local.set $slot (i32.add (local.get $start) (i32.shl (local.get $h) (i32.const 2))))
        (i32.store (local.get $slot) (i32.load offset=0 (i32.sub (local.get $slot) (i32.const 4))))
        (local.set $h (i32.sub (local.get $h) (i32.const 1)))
        (br $shift)))
    (i32.store (local.get $start) (i32.const 0)))

  ;; Pairs of one band. Both sides are bucketed by bucket_build, and A is walked in bucket
  ;; order over positions [pFrom, pTo): consecutive A rows then look up the same or the next
  ;; B bucket, so bucket tables, keys and popcounts are read sequentially. Each B row of the
  ;; bucket with the same key whose popcount can reach the threshold becomes a candidate.
  ;; Candidates are gathered in batches into `cand` (16 bytes each: A row, B row, popcount
  ;; sum, larger possible tail intersection); the rows of a batch are first touched together,
  ;; so that their cache misses overlap, then compared. Hits name B rows through `bOrig`
  ;; (B is stored in popcount order). `seen` holds, per A row, its first partner found so far (−1 for none).
  (func (export "band_join")
    (param $pFrom i32) (param $pTo i32) (param $bits i32)
    (param $aOrder i32) (param $aKeys i32) (param $aPops i32) (param $aPtr i32)
    (param $bStart i32) (param $bOrder i32) (param $bKeys i32) (param $bPops i32) (param $bPtr i32) (param $bOrig i32)
    (param $stride i32) (param $head i32) (param $t f64) (param $out i32) (param $outCap i32) (param $cand i32) (param $candCap i32)
    (param $seen i32)
    (result i32)
    (local $p i32) (local $batchStart i32) (local $key i32) (local $j i32) (local $end i32) (local $slot i32)
    (local $pa i32) (local $pb i32) (local $sum i32) (local $score f64) (local $hits i32)
    (local $n i32) (local $c i32) (local $touch i64) (local $restA i32) (local $rest i32)
    (local $x i32) (local $y i32) (local $end2 i32) (local $acc i64) (local $twice f64) (local $tLow f64)
    (local.set $tLow (f64.mul (local.get $t) (f64.const 0.999999)))
    (local.set $p (local.get $pFrom))
    (block $finished
      (loop $batches
        (br_if $finished (i32.ge_u (local.get $p) (local.get $pTo)))
        (local.set $batchStart (local.get $p))
        (local.set $n (i32.const 0))
        ;; 1. gather the candidates of A rows until the batch holds 256 or the next bucket
        ;;    might not fit
        (block $gathered
          (loop $rows
            (br_if $gathered (i32.ge_u (local.get $p) (local.get $pTo)))
            (br_if $gathered (i32.ge_u (local.get $n) (i32.const 256)))
            (local.set $key (i32.load (i32.add (local.get $aKeys) (i32.shl (local.get $p) (i32.const 2)))))
            (local.set $slot (i32.add (local.get $bStart) (i32.shl (call $bucket (local.get $key) (local.get $bits)) (i32.const 2))))
            (local.set $j (i32.load offset=0 (local.get $slot)))
            (local.set $end (i32.load offset=4 (local.get $slot)))
            (br_if $gathered (i32.gt_u (i32.add (local.get $n) (i32.sub (local.get $end) (local.get $j))) (local.get $candCap)))
            (local.set $pa (i32.load (i32.add (local.get $aPops) (i32.shl (local.get $p) (i32.const 2)))))
            (local.set $restA (i32.sub (i32.and (local.get $pa) (i32.const 0xffff)) (i32.shr_u (local.get $pa) (i32.const 16))))
            (local.set $pa (i32.and (local.get $pa) (i32.const 0xffff)))
            (block $rowDone
              (loop $cols
                (br_if $rowDone (i32.ge_u (local.get $j) (local.get $end)))
                (local.set $slot (i32.shl (local.get $j) (i32.const 2)))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br_if $cols (i32.ne (local.get $key) (i32.load (i32.add (local.get $bKeys) (local.get $slot)))))
                (local.set $pb (i32.load (i32.add (local.get $bPops) (local.get $slot))))
                (local.set $rest (i32.sub (i32.and (local.get $pb) (i32.const 0xffff)) (i32.shr_u (local.get $pb) (i32.const 16))))
                (local.set $pb (i32.and (local.get $pb) (i32.const 0xffff)))
                (local.set $sum (i32.add (local.get $pa) (local.get $pb)))
                (br_if $cols (i32.eqz (local.get $sum)))
                (br_if $cols (f64.lt
                  (f64.div (f64.convert_i32_u (i32.shl (select (local.get $pa) (local.get $pb) (i32.lt_u (local.get $pa) (local.get $pb))) (i32.const 1)))
                    (f64.convert_i32_u (local.get $sum)))
                  (local.get $t)))
                (local.set $c (i32.add (local.get $cand) (i32.shl (local.get $n) (i32.const 4))))
                (i32.store offset=0 (local.get $c) (i32.load (i32.add (local.get $aOrder) (i32.shl (local.get $p) (i32.const 2)))))
                (i32.store offset=4 (local.get $c) (i32.load (i32.add (local.get $bOrder) (local.get $slot))))
                (i32.store offset=8 (local.get $c) (local.get $sum))
                (i32.store offset=12 (local.get $c)
                  (select (local.get $restA) (local.get $rest) (i32.lt_u (local.get $restA) (local.get $rest))))
                (local.set $n (i32.add (local.get $n) (i32.const 1)))
                (br $cols)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $rows)))
        ;; the caller drains the output when this batch's hits might not fit
        (if (i32.gt_u (i32.add (local.get $hits) (local.get $n)) (local.get $outCap))
          (then
            (global.set $resume (local.get $batchStart))
            (return (local.get $hits))))
        (global.set $compared (i64.add (global.get $compared) (i64.extend_i32_u (local.get $n))))
        ;; 2. touch every row of the batch: independent loads whose misses overlap
        (local.set $c (local.get $cand))
        (local.set $end (i32.add (local.get $cand) (i32.shl (local.get $n) (i32.const 4))))
        (block $touched
          (loop $touch
            (br_if $touched (i32.ge_u (local.get $c) (local.get $end)))
            ;; first and last word of the B row and of the A row: candidates of a band are
            ;; alike enough that most need their tail too
            (local.set $y (i32.add (local.get $bPtr) (i32.mul (i32.load offset=4 (local.get $c)) (local.get $stride))))
            (local.set $x (i32.add (local.get $aPtr) (i32.mul (i32.load offset=0 (local.get $c)) (local.get $stride))))
            (local.set $touch (i64.xor (local.get $touch)
              (i64.xor
                (i64.xor (i64.load (local.get $y)) (i64.load (i32.sub (i32.add (local.get $y) (local.get $stride)) (i32.const 8))))
                (i64.xor (i64.load (local.get $x)) (i64.load (i32.sub (i32.add (local.get $x) (local.get $stride)) (i32.const 8)))))))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (br $touch)))
        (global.set $sink (i64.xor (global.get $sink) (local.get $touch)))
        ;; 3. compare
        (local.set $c (local.get $cand))
        (block $compared
          (loop $pairs
            (br_if $compared (i32.ge_u (local.get $c) (local.get $end)))
            (local.set $pa (i32.load offset=0 (local.get $c)))
            (local.set $slot (i32.load offset=4 (local.get $c)))
            (local.set $sum (i32.load offset=8 (local.get $c)))
            (local.set $rest (i32.load offset=12 (local.get $c)))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (local.set $x (i32.add (local.get $aPtr) (i32.mul (local.get $pa) (local.get $stride))))
            (local.set $y (i32.add (local.get $bPtr) (i32.mul (local.get $slot) (local.get $stride))))
            (local.set $end2 (i32.add (local.get $x) (local.get $head)))
            (local.set $acc (i64.const 0))
            (loop $headWords
              (local.set $acc
                (i64.add (local.get $acc)
                  (i64.add
                    (i64.add
                      (i64.popcnt (i64.and (i64.load offset=0 (local.get $x)) (i64.load offset=0 (local.get $y))))
                      (i64.popcnt (i64.and (i64.load offset=8 (local.get $x)) (i64.load offset=8 (local.get $y)))))
                    (i64.add
                      (i64.popcnt (i64.and (i64.load offset=16 (local.get $x)) (i64.load offset=16 (local.get $y))))
                      (i64.popcnt (i64.and (i64.load offset=24 (local.get $x)) (i64.load offset=24 (local.get $y))))))))
              (local.set $x (i32.add (local.get $x) (i32.const 32)))
              (local.set $y (i32.add (local.get $y) (i32.const 32)))
              (br_if $headWords (i32.lt_u (local.get $x) (local.get $end2))))
            ;; the tail (another cache line of each row) is read only if it can still matter
            (br_if $pairs (f64.lt
              (f64.convert_i32_u (i32.shl (i32.add (i32.wrap_i64 (local.get $acc)) (local.get $rest)) (i32.const 1)))
              (f64.mul (local.get $tLow) (f64.convert_i32_u (local.get $sum)))))
            (local.set $end2 (i32.add (local.get $end2) (i32.sub (local.get $stride) (local.get $head))))
            (if (i32.lt_u (local.get $x) (local.get $end2))
              (then
                (loop $tailWords
              (local.set $acc
                (i64.add (local.get $acc)
                  (i64.add
                    (i64.add
                      (i64.popcnt (i64.and (i64.load offset=0 (local.get $x)) (i64.load offset=0 (local.get $y))))
                      (i64.popcnt (i64.and (i64.load offset=8 (local.get $x)) (i64.load offset=8 (local.get $y)))))
                    (i64.add
                      (i64.popcnt (i64.and (i64.load offset=16 (local.get $x)) (i64.load offset=16 (local.get $y))))
                      (i64.popcnt (i64.and (i64.load offset=24 (local.get $x)) (i64.load offset=24 (local.get $y))))))))
              (local.set $x (i32.add (local.get $x) (i32.const 32)))
              (local.set $y (i32.add (local.get $y) (i32.const 32)))
              (br_if $tailWords (i32.lt_u (local.get $x) (local.get $end2))))))
            (local.set $twice (f64.convert_i32_u (i32.shl (i32.wrap_i64 (local.get $acc)) (i32.const 1))))
            (br_if $pairs (f64.lt (local.get $twice) (f64.mul (local.get $tLow) (f64.convert_i32_u (local.get $sum)))))
            (local.set $score (f64.div (local.get $twice) (f64.convert_i32_u (local.get $sum))))
            (br_if $pairs (f64.lt (local.get $score) (local.get $t)))
            ;; a pair found in an earlier band is usually the first partner of its A row:
            ;; `seen[a]` drops those repeats here (the caller removes the rare others)
            (local.set $pb (i32.load (i32.add (local.get $bOrig) (i32.shl (local.get $slot) (i32.const 2)))))
            (local.set $x (i32.add (local.get $seen) (i32.shl (local.get $pa) (i32.const 2))))
            (br_if $pairs (i32.eq (i32.load (local.get $x)) (local.get $pb)))
            (if (i32.eq (i32.load (local.get $x)) (i32.const -1))
              (then (i32.store (local.get $x) (local.get $pb))))
            (i32.store offset=0 (local.get $out) (local.get $pa))
            (i32.store offset=4 (local.get $out) (local.get $pb))
            (f64.store offset=8 (local.get $out) (local.get $score))
            (local.set $out (i32.add (local.get $out) (i32.const 16)))
            (local.set $hits (i32.add (local.get $hits) (i32.const 1)))
            (br $pairs)))
        (br $batches)))
    (global.set $resume (local.get $pTo))
    (local.get $hits))
)
