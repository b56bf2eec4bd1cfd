// COLT's native measurement runtime: calls and times JIT-compiled kernels, pins threads, aligns buffers.
//
// Compiled into a JNI library at build time by the JavaCPP Maven plugin (see
// dev.colt.exec.runtime.NativeRuntime). Every JIT-compiled kernel is reached through its packed
// entry point `void entry(int64_t *slots)` (see dev.colt.lower.llvm.CallingConvention), so one
// signature suffices here. Function and buffer addresses cross the JNI boundary as 64-bit integers.
#ifndef COLT_RUNTIME_H
#define COLT_RUNTIME_H

#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef void (*colt_entry_fn)(int64_t *slots);

/* Monotonic time in nanoseconds (CLOCK_MONOTONIC_RAW is immune to NTP slewing). */
static inline long long colt_now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
  return (long long) ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Calls the entry point once with the given argument slots. */
static inline void colt_call(long long entry, long long slots) {
  ((colt_entry_fn) (intptr_t) entry)((int64_t *) (intptr_t) slots);
}

/*
 * Times `batches` batches of `calls_per_batch` back-to-back calls; writes each batch's elapsed
 * nanoseconds to out_ns[0 .. batches-1] and returns the total. A batch of several calls amortizes
 * the clock read (about 20 ns) for very short kernels.
 */
static inline long long colt_time_batches(long long entry, long long slots, int batches,
                                          int calls_per_batch, long long *out_ns) {
  colt_entry_fn fn = (colt_entry_fn) (intptr_t) entry;
  int64_t *args = (int64_t *) (intptr_t) slots;
  long long total = 0;
  for (int b = 0; b < batches; b++) {
    long long start = colt_now_ns();
    for (int c = 0; c < calls_per_batch; c++) {
      fn(args);
    }
    long long elapsed = colt_now_ns() - start;
    out_ns[b] = elapsed;
    total += elapsed;
  }
  return total;
}

/*
 * Pins the calling thread to one CPU. Returns 0 on success or the errno value (EINVAL when the CPU
 * does not exist or is not allowed for this process).
 */
static inline int colt_pin_current_thread(int cpu) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  return sched_setaffinity(0, sizeof(set), &set) == 0 ? 0 : errno;
}

/* The CPU the calling thread runs on now, or -1 when unknown. */
static inline int colt_current_cpu(void) {
  return sched_getcpu();
}

/*
 * Allocates `bytes` (rounded up to a multiple of `alignment`) aligned to `alignment`, a power of
 * two; zero-filled. Returns 0 when out of memory.
 */
static inline long long colt_aligned_alloc(long long alignment, long long bytes) {
  long long rounded = ((bytes > 0 ? bytes : 1) + alignment - 1) / alignment * alignment;
  void *p = aligned_alloc((size_t) alignment, (size_t) rounded);
  if (p != NULL) {
    memset(p, 0, (size_t) rounded);
  }
  return (long long) (intptr_t) p;
}

/* Frees memory from colt_aligned_alloc; 0 is ignored. */
static inline void colt_free(long long address) {
  free((void *) (intptr_t) address);
}

/*
 * Writes to every 64th byte of a scratch buffer so that the next measured call starts with caches
 * holding unrelated data (used by cold-cache measurements).
 */
static inline void colt_flush_cache(long long scratch, long long bytes) {
  volatile char *p = (volatile char *) (intptr_t) scratch;
  for (long long i = 0; i < bytes; i += 64) {
    p[i] = (char) (p[i] + 1);
  }
}

#endif
