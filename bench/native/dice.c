/*
 * Native reference for the WebAssembly Dice kernel (src/linkage/pprl/dice-kernel.wat,
 * scan_all): the same all-pairs scan, popcount of the AND of two filters, score
 * 2c / (|a| + |b|) tested against the threshold, hits written to an output array. Like the
 * kernel, B is sorted by popcount and each A row visits only the B rows whose popcount can
 * reach the threshold; those rows are walked one popcount at a time, so that the bounds are
 * integers for the run; the first 64 bytes of a pair are compared first and the rest is read
 * only if the pair can still reach the threshold (|a ∧ b| ≤ head intersection + tail popcount
 * of a); and B is walked in blocks of 1,024 rows, each met by a group of 48 rows of A while
 * it sits in cache. bench/dice.ts compiles it with gcc -O3 -march=native and runs it beside
 * the kernel on filters of the same size and density, and counts comparisons the same way
 * (the pairs within the popcount range).
 *
 * Time is the CPU time of the process, not the wall clock: the machine may be shared, and
 * the figure wanted is comparisons per second of one core.
 *
 * usage: dice <rows of A> <rows of B> <bits per filter> <threshold>
 * prints: comparisons_per_second: N
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t state = 0x9e3779b97f4a7c15ULL;
static uint64_t next(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

typedef struct { uint32_t left, right; double score; } hit;

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: %s rowsA rowsB bits threshold\n", argv[0]);
    return 2;
  }
  const size_t na = strtoul(argv[1], 0, 10), nb = strtoul(argv[2], 0, 10);
  const size_t words = strtoul(argv[3], 0, 10) / 64, bits = words * 64;
  const double t = strtod(argv[4], 0);
  const size_t half = words < 8 ? words : 8; /* the 64-byte head */
  uint64_t *a = aligned_alloc(64, na * words * 8), *raw = aligned_alloc(64, nb * words * 8), *b = aligned_alloc(64, nb * words * 8);
  uint32_t *pa = malloc(na * 4), *ra = malloc(na * 4), *pRaw = malloc(nb * 4), *pb = malloc(nb * 4), *orig = malloc(nb * 4);
  uint32_t *start = calloc(bits + 2, 4), *cursor = malloc((bits + 2) * 4);
  hit *out = malloc(sizeof(hit) * (48 * 1024 + 16));
  for (size_t i = 0; i < na * words; i++) a[i] = (next() & next()) | (next() & next());
  for (size_t i = 0; i < nb * words; i++) raw[i] = (next() & next()) | (next() & next());
  for (size_t i = 0; i < na; i++) {
    uint32_t c = 0, h = 0;
    for (size_t w = 0; w < words; w++) { c += __builtin_popcountll(a[i * words + w]); if (w + 1 == half) h = c; }
    pa[i] = c; ra[i] = c - h;
  }
  /* B in popcount order; start[p] is the first row of popcount ≥ p */
  for (size_t j = 0; j < nb; j++) {
    uint32_t c = 0;
    for (size_t w = 0; w < words; w++) c += __builtin_popcountll(raw[j * words + w]);
    pRaw[j] = c;
    start[c + 1]++;
  }
  for (size_t p = 1; p < bits + 2; p++) start[p] += start[p - 1];
  memcpy(cursor, start, (bits + 2) * 4);
  for (size_t j = 0; j < nb; j++) {
    const uint32_t row = cursor[pRaw[j]]++;
    memcpy(b + row * words, raw + j * words, words * 8);
    pb[row] = pRaw[j];
    orig[row] = j;
  }
  const double tLow = t * 0.999999;

  struct timespec t0, t1;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
  size_t hits = 0, total = 0;
  const size_t group = 48, tile = 1024;
  for (size_t i0 = 0; i0 < na; i0 += group) {
    const size_t i1 = i0 + group < na ? i0 + group : na;
    for (size_t j0 = 0; j0 < nb; j0 += tile) {
      const size_t j1 = j0 + tile < nb ? j0 + tile : nb;
      size_t n = 0;
      for (size_t i = i0; i < i1; i++) {
        const uint64_t *x = a + i * words;
        const size_t lo = (size_t)(pa[i] * t / (2 - t));
        double h = ceil(pa[i] * (2 - t) / t);
        const size_t hi = h > bits ? bits : (size_t)h;
        size_t j = start[lo] > j0 ? start[lo] : j0;
        size_t end = start[hi + 1] < j1 ? start[hi + 1] : j1;
        if (end < j) end = j;
        total += end - j;
        while (j < end) {
          /* the rows of one popcount: integer bounds */
          const uint32_t p = pb[j];
          const size_t runEnd = start[p + 1] < end ? start[p + 1] : end;
          const uint32_t sum = pa[i] + p;
          const double need = tLow * sum * 0.5;
          const int need1 = (int)ceil(need - ra[i]), need2 = (int)ceil(need);
          for (; j < runEnd; j++) {
            const uint64_t *y = b + j * words;
            int c = 0;
            for (size_t w = 0; w < half; w++) c += __builtin_popcountll(x[w] & y[w]);
            if (c < need1) continue;
            for (size_t w = half; w < words; w++) c += __builtin_popcountll(x[w] & y[w]);
            if (c < need2) continue;
            const double score = (2.0 * c) / sum;
            if (score >= t) { out[n].left = i; out[n].right = orig[j]; out[n].score = score; n++; }
          }
        }
      }
      hits += n;
    }
  }
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
  const double seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf("comparisons: %zu\nhits: %zu\nseconds: %.6f\ncomparisons_per_second: %.0f\n", total, hits, seconds, total / seconds);
  return 0;
}
