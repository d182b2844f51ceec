/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kpatch-syscall.h for patch-build: KPATCH_SYSCALL_DEFINE0..6, which a
 * kpatch-build patch writes in place of SYSCALL_DEFINE0..6 to patch the
 * body of a system call.  kpatch-macros.h includes this file too.
 *
 * The kernel compiles a system call body as __do_sys_<name>(), a static
 * inline and therefore notrace function, called from the __x64_sys_<name>()
 * stub, which has its ftrace call.  kpatch-build needs the body renamed so
 * that it becomes a new function; patch-build's differ already handles the
 * kernel's own form: a changed body that the compiler inlined changes the
 * stub, which is redirected; a body kept out of line is carried in the
 * module as a new copy and the stub that calls it is redirected (see the
 * report's carried_functions).  So these are the kernel's SYSCALL_DEFINEn:
 * the patched syscall compiles exactly as the original did, on every kernel
 * version and architecture wrapper, and nothing but the fix differs.
 */
#ifndef PB_COMPAT_KPATCH_SYSCALL_H
#define PB_COMPAT_KPATCH_SYSCALL_H

#include <linux/syscalls.h>

#define KPATCH_SYSCALL_DEFINE0(name)	SYSCALL_DEFINE0(name)
#define KPATCH_SYSCALL_DEFINE1(name, ...) SYSCALL_DEFINE1(name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE2(name, ...) SYSCALL_DEFINE2(name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE3(name, ...) SYSCALL_DEFINE3(name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE4(name, ...) SYSCALL_DEFINE4(name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE5(name, ...) SYSCALL_DEFINE5(name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE6(name, ...) SYSCALL_DEFINE6(name, __VA_ARGS__)

#endif
