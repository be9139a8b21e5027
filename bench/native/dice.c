/*
 * Native reference for the WebAssembly Dice kernel (src/linkage/pprl/dice-kernel.wat):
 * the same all-pairs loop, popcount of the AND of two filters, score 2c / (|a| + |b|)
 * tested against the threshold, hits written to an output array. Like the kernel, it
 * compares the first half of a pair first and reads the second half only if the pair can
 * still reach the threshold (|a ∧ b| ≤ head intersection + tail popcount of a), and it walks
 * B in blocks of 1,024 rows, each met by a group of 48 rows of A while it sits in cache. bench/dice.ts compiles
 * it with gcc -O3 -march=native and runs it beside the kernel on filters of the same size.
 *
 * Time is the CPU time of the process, not the wall clock: the machine may be shared, and
 * the figure wanted is comparisons per second of one core.
 *
 * usage: dice <rows of A> <rows of B> <bits per filter> <threshold>
 * prints: comparisons_per_second: N
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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
  const size_t words = strtoul(argv[3], 0, 10) / 64;
  const double t = strtod(argv[4], 0);
  uint64_t *a = aligned_alloc(64, na * words * 8), *b = aligned_alloc(64, nb * words * 8);
  uint32_t *pa = malloc(na * 4), *pb = malloc(nb * 4), *ra = malloc(na * 4);
  const size_t half = words / 2;
  hit *out = malloc(sizeof(hit) * (48 * nb + 16));
  for (size_t i = 0; i < na * words; i++) a[i] = (next() & next()) | (next() & next());
  for (size_t i = 0; i < nb * words; i++) b[i] = (next() & next()) | (next() & next());
  for (size_t i = 0; i < na; i++) {
    uint32_t c = 0, h = 0;
    for (size_t w = 0; w < words; w++) { c += __builtin_popcountll(a[i * words + w]); if (w + 1 == half) h = c; }
    pa[i] = c; ra[i] = c - h;
  }
  for (size_t j = 0; j < nb; j++) {
    uint32_t c = 0;
    for (size_t w = 0; w < words; w++) c += __builtin_popcountll(b[j * words + w]);
    pb[j] = c;
  }
  const double tLow = t * 0.999999;

  struct timespec t0, t1;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
  size_t hits = 0, total = 0;
  const size_t group = 48, tile = 1024;
  for (size_t i0 = 0; i0 < na; i0 += group) {
    const size_t i1 = i0 + group < na ? i0 + group : na;
    size_t n = 0;
    for (size_t j0 = 0; j0 < nb; j0 += tile) {
      const size_t j1 = j0 + tile < nb ? j0 + tile : nb;
      for (size_t i = i0; i < i1; i++) {
        const uint64_t *x = a + i * words;
        for (size_t j = j0; j < j1; j++) {
          const uint64_t *y = b + j * words;
          const uint32_t sum = pa[i] + pb[j];
          uint32_t c = 0;
          for (size_t w = 0; w < half; w++) c += __builtin_popcountll(x[w] & y[w]);
          if (2.0 * (c + ra[i]) < tLow * sum) continue;
          for (size_t w = half; w < words; w++) c += __builtin_popcountll(x[w] & y[w]);
          if (sum) {
            const double score = (2.0 * c) / sum;
            if (score >= t) { out[n].left = i; out[n].right = j; out[n].score = score; n++; }
          }
        }
        total += j1 - j0;
      }
    }
    hits += n;
  }
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
  const double seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf("comparisons: %zu\nhits: %zu\nseconds: %.6f\ncomparisons_per_second: %.0f\n", total, hits, seconds, total / seconds);
  return 0;
}
