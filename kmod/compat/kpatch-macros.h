/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kpatch-macros.h for patch-build: patches written for kpatch-build, which
 * say
 *
 *	#include "kpatch-macros.h"
 *
 * build unchanged.  patch-build puts this directory (kmod/compat) on the
 * include path of the patched build, next to kmod/ itself.
 *
 * Every macro here is written in terms of patch-author.h: it emits the same
 * records (.patch.callbacks, .patch.ignore.*) that a patch written for
 * patch-build would, so the differ and the patch module know one record
 * format only.
 *
 *   KPATCH_PRE_PATCH_CALLBACK(fn)	int fn(patch_object *obj)
 *   KPATCH_POST_PATCH_CALLBACK(fn)	void fn(patch_object *obj)
 *   KPATCH_PRE_UNPATCH_CALLBACK(fn)	void fn(patch_object *obj)
 *   KPATCH_POST_UNPATCH_CALLBACK(fn)	void fn(patch_object *obj)
 *	A callback of the object the patched file belongs to: vmlinux for
 *	built-in code, the module (KBUILD_MODNAME) for a file compiled into
 *	a module.  patch_object is struct klp_object.
 *   KPATCH_IGNORE_FUNCTION(fn)		PATCH_IGNORE_FUNCTION(fn)
 *   KPATCH_IGNORE_SECTION(".name")	PATCH_IGNORE_SECTION(".name")
 *   KPATCH_PRINTK(fmt, ...)		printk() on a branch of its own
 *   KPATCH_PRINTK_DEFERRED(fmt, ...)	printk_deferred() likewise
 *   KPATCH_STATIC_CALL(name)		the static call's current target,
 *					called indirectly
 *   KPATCH_SYSCALL_DEFINE0..6		see kpatch-syscall.h
 *
 * KPATCH_FORCE_UNSAFE(fn) is refused at compile time: it asked kpatch's own
 * core to patch fn without checking the stacks, and the kernel's livepatch
 * consistency model has no per-function override (only the whole patch's
 * transition can be forced, from sysfs, at the administrator's risk).
 * kpatch's long-removed load hooks (KPATCH_LOAD_HOOK) and its own shadow
 * variable API are not provided: use the callbacks and klp_shadow_*().
 *
 * The macros end their declaration with a ';', as kpatch's do, so that
 * "KPATCH_IGNORE_FUNCTION(fn);" and "KPATCH_IGNORE_FUNCTION(fn)" both build.
 */
#ifndef PB_COMPAT_KPATCH_MACROS_H
#define PB_COMPAT_KPATCH_MACROS_H

#include <linux/compiler.h>
#include <linux/livepatch.h>
#include <linux/printk.h>
#include <linux/static_call.h>

#include "../patch-author.h"
#include "kpatch-syscall.h"

typedef struct klp_object patch_object;

typedef int (*kpatch_pre_patch_call_t)(patch_object *obj);
typedef void (*kpatch_post_patch_call_t)(patch_object *obj);
typedef void (*kpatch_pre_unpatch_call_t)(patch_object *obj);
typedef void (*kpatch_post_unpatch_call_t)(patch_object *obj);

/* The object a callback of this file belongs to: NULL is vmlinux. */
#ifdef MODULE
#define __KPATCH_CALLBACK_OBJ	KBUILD_MODNAME
#else
#define __KPATCH_CALLBACK_OBJ	NULL
#endif

#define KPATCH_PRE_PATCH_CALLBACK(fn)					\
	PATCH_PRE_PATCH_CALLBACK_OBJ(__KPATCH_CALLBACK_OBJ, fn);
#define KPATCH_POST_PATCH_CALLBACK(fn)					\
	PATCH_POST_PATCH_CALLBACK_OBJ(__KPATCH_CALLBACK_OBJ, fn);
#define KPATCH_PRE_UNPATCH_CALLBACK(fn)					\
	PATCH_PRE_UNPATCH_CALLBACK_OBJ(__KPATCH_CALLBACK_OBJ, fn);
#define KPATCH_POST_UNPATCH_CALLBACK(fn)				\
	PATCH_POST_UNPATCH_CALLBACK_OBJ(__KPATCH_CALLBACK_OBJ, fn);

#define KPATCH_IGNORE_FUNCTION(fn)	PATCH_IGNORE_FUNCTION(fn);
#define KPATCH_IGNORE_SECTION(name)	PATCH_IGNORE_SECTION(name);

#define KPATCH_FORCE_UNSAFE(fn)						\
	static_assert(0, "KPATCH_FORCE_UNSAFE(" #fn ") is not supported by "	\
		      "patch-build: the livepatch consistency model has no "	\
		      "per-function override; remove it");

/*
 * printk() is __cold, and gcc treats a path that calls it as unlikely:
 * code around the call may move to .text.unlikely or stop being inlined,
 * which changes functions the patch did not mean to change.  A condition
 * the compiler cannot see through puts the call on a branch of its own, so
 * only that branch is cold.
 */
#define __KPATCH_OWN_BRANCH(call)					\
({									\
	int __kpatch_taken = 1;						\
									\
	asm volatile("" : "+r" (__kpatch_taken));			\
	if (__kpatch_taken)						\
		call;							\
})

#define KPATCH_PRINTK(fmt, ...)						\
	__KPATCH_OWN_BRANCH(printk(fmt, ##__VA_ARGS__))
#define KPATCH_PRINTK_DEFERRED(fmt, ...)				\
	__KPATCH_OWN_BRANCH(printk_deferred(fmt, ##__VA_ARGS__))

/*
 * static_call(name) from a livepatch module needs the static call key;
 * where the key lives in a module the module cannot be relocated against
 * it before that module loads.  This reads the key's current function and
 * calls it like any function pointer instead.
 */
#define KPATCH_STATIC_CALL(name)					\
	((typeof(&STATIC_CALL_TRAMP(name)))READ_ONCE(STATIC_CALL_KEY(name).func))

#endif
