"""Settings the layer benchmarks give their process before NumPy is imported."""

import ctypes
import os

M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def apply(threads: int, keep_freed_memory: bool) -> None:
    """BLAS threads; with `keep_freed_memory`, glibc's mmap and trim thresholds raised to
    1 GiB (as MALLOC_MMAP_THRESHOLD_=1073741824 MALLOC_TRIM_THRESHOLD_=1073741824 would),
    so that freed temporaries stay in the heap instead of being page-faulted in again."""
    for variable in THREAD_VARIABLES:
        os.environ[variable] = str(threads)
    if keep_freed_memory:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(M_MMAP_THRESHOLD, 1 << 30)
        libc.mallopt(M_TRIM_THRESHOLD, 1 << 30)
