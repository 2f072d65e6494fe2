"""Confinement of the server's child processes (Linux): no network sockets, death with the parent.

:func:`deny_network` installs the seccomp filter that keeps a query worker
(:mod:`graph.server_worker`: the read-only ones, and the read-write one of ``serve --writable``)
off the network, so ``SERVICE`` and ``LOAD`` reach nothing whatever the text;
:func:`die_with_parent` makes a child get SIGTERM when the process that started it dies.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import sys


def die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def deny_network() -> bool:
    """Forbid this process, its threads and children to open network sockets; True once in force.

    A seccomp filter (Linux, x86-64 and AArch64): ``socket()`` for any family but ``AF_UNIX`` and
    ``io_uring_setup()`` fail with ``EPERM``, and so do syscalls of another ABI. Call it before the
    process starts threads. Returns False where it cannot be installed.
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes
    import errno
    import platform

    arch = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}.get(platform.machine())
    if arch is None:
        return False
    audit_arch, nr_socket = arch
    load, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06
    allow, deny = 0x7FFF0000, 0x00050000 | errno.EPERM
    program = [
        (load, 0, 0, 4),  # 0: seccomp_data.arch
        (jeq, 0, 7, audit_arch),  # 1: another ABI -> deny
        (load, 0, 0, 0),  # 2: seccomp_data.nr
        (jge, 5, 0, 0x40000000),  # 3: x32 syscalls -> deny
        (jeq, 4, 0, 425),  # 4: io_uring_setup -> deny
        (jeq, 0, 2, nr_socket),  # 5: not socket() -> allow
        (load, 0, 0, 16),  # 6: socket(domain, ...): the low word of args[0]
        (jeq, 0, 1, 1),  # 7: AF_UNIX -> allow, else deny
        (ret, 0, 0, allow),  # 8
        (ret, 0, 0, deny),  # 9
    ]

    class Filter(ctypes.Structure):
        _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint)]

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(Filter))]

    filters = (Filter * len(program))(*[Filter(*row) for row in program])
    prog = Program(len(program), filters)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(38, ctypes.c_ulong(1), ctypes.c_ulong(0), ctypes.c_ulong(0), ctypes.c_ulong(0)) != 0:
            return False  # PR_SET_NO_NEW_PRIVS
        if libc.prctl(22, ctypes.c_ulong(2), ctypes.byref(prog), ctypes.c_ulong(0), ctypes.c_ulong(0)) != 0:
            return False  # PR_SET_SECCOMP, SECCOMP_MODE_FILTER
    except (OSError, AttributeError):
        return False
    try:
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
    except PermissionError:
        return True
    return False
