/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/livepatch_helpers.h for patch-build: patches written for the
 * kernel's klp-build, which say
 *
 *	#include <linux/livepatch_helpers.h>
 *
 * build unchanged against kernels that do not ship the header (it came
 * with klp-build; patch-build puts kmod/compat on the include path of the
 * patched build, after the kernel's own include directories).
 *
 *   KLP_PRE_PATCH_CALLBACK(fn)		int fn(struct klp_object *obj)
 *   KLP_POST_PATCH_CALLBACK(fn)	void fn(struct klp_object *obj)
 *   KLP_PRE_UNPATCH_CALLBACK(fn)	void fn(struct klp_object *obj)
 *   KLP_POST_UNPATCH_CALLBACK(fn)	void fn(struct klp_object *obj)
 *	A callback of the object the patched file belongs to: vmlinux for
 *	built-in code, the module (KBUILD_MODNAME) for a file compiled into
 *	a module.  They emit patch-author.h's .patch.callbacks records, the
 *	one format the differ and the patch module read.
 *   KLP_STATIC_CALL(name)		the static call's current target,
 *					called indirectly
 *   KLP_SYSCALL_DEFINE0..6		the kernel's SYSCALL_DEFINE0..6: the
 *					differ patches a system call body
 *					through its stub as it is (see
 *					kpatch-syscall.h next to this
 *					directory)
 */
#ifndef _LINUX_LIVEPATCH_HELPERS_H
#define _LINUX_LIVEPATCH_HELPERS_H

#include <linux/livepatch.h>
#include <linux/static_call.h>
#include <linux/syscalls.h>

#include "../../patch-author.h"

/* The callback types of later kernels' linux/livepatch.h (same types). */
typedef int (*klp_pre_patch_t)(struct klp_object *obj);
typedef void (*klp_post_patch_t)(struct klp_object *obj);
typedef void (*klp_pre_unpatch_t)(struct klp_object *obj);
typedef void (*klp_post_unpatch_t)(struct klp_object *obj);

/* The object a callback of this file belongs to: NULL is vmlinux. */
#ifdef MODULE
#define __KLP_CALLBACK_OBJ	KBUILD_MODNAME
#else
#define __KLP_CALLBACK_OBJ	NULL
#endif

#define KLP_PRE_PATCH_CALLBACK(fn)					\
	PATCH_PRE_PATCH_CALLBACK_OBJ(__KLP_CALLBACK_OBJ, fn)
#define KLP_POST_PATCH_CALLBACK(fn)					\
	PATCH_POST_PATCH_CALLBACK_OBJ(__KLP_CALLBACK_OBJ, fn)
#define KLP_PRE_UNPATCH_CALLBACK(fn)					\
	PATCH_PRE_UNPATCH_CALLBACK_OBJ(__KLP_CALLBACK_OBJ, fn)
#define KLP_POST_UNPATCH_CALLBACK(fn)					\
	PATCH_POST_UNPATCH_CALLBACK_OBJ(__KLP_CALLBACK_OBJ, fn)

/*
 * static_call(name) through the key's current function, as an indirect
 * call: for a static call whose key lives in a module.
 */
#define KLP_STATIC_CALL(name)						\
	((typeof(&STATIC_CALL_TRAMP(name)))READ_ONCE(STATIC_CALL_KEY(name).func))

#define KLP_SYSCALL_DEFINE0(name)	SYSCALL_DEFINE0(name)
#define KLP_SYSCALL_DEFINE1(name, ...)	SYSCALL_DEFINE1(name, __VA_ARGS__)
#define KLP_SYSCALL_DEFINE2(name, ...)	SYSCALL_DEFINE2(name, __VA_ARGS__)
#define KLP_SYSCALL_DEFINE3(name, ...)	SYSCALL_DEFINE3(name, __VA_ARGS__)
#define KLP_SYSCALL_DEFINE4(name, ...)	SYSCALL_DEFINE4(name, __VA_ARGS__)
#define KLP_SYSCALL_DEFINE5(name, ...)	SYSCALL_DEFINE5(name, __VA_ARGS__)
#define KLP_SYSCALL_DEFINE6(name, ...)	SYSCALL_DEFINE6(name, __VA_ARGS__)

#endif
