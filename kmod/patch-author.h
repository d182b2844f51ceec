/* SPDX-License-Identifier: GPL-2.0 */
/*
 * patch-author.h: what a patch author writes into the patched source, next
 * to the fix, to shape the livepatch module patch-build makes of it.
 *
 *	#include "patch-author.h"
 *
 *	static int fix_pre_patch(struct klp_object *obj)
 *	{
 *		return prepare_something() ? -ENOMEM : 0;
 *	}
 *	PATCH_PRE_PATCH_CALLBACK(fix_pre_patch);
 *	PATCH_STATE(FIX_STATE_ID, 1);
 *
 * Each macro emits one record into a section of the compiled object.  The
 * differ carries the .patch.callbacks and .patch.states records (with the
 * functions and strings they point at) into its output, and the patch
 * module's init (kmod/patch-module.c) reads them; the differ itself reads
 * .patch.ignore.* and never carries them.
 *
 * Record layouts (x86-64, little endian; every pointer field is filled by
 * an R_X86_64_64 relocation, 0 when the pointer is NULL):
 *
 *   .patch.callbacks	struct patch_callback, 24 bytes
 *	0  fn		the callback
 *	8  objname	string: the module it belongs to; NULL: vmlinux
 *	16 kind		PATCH_CALLBACK_PRE_PATCH .. PATCH_CALLBACK_POST_UNPATCH
 *	20 reserved	0
 *	At most one callback of each kind per object.
 *
 *   .patch.states	struct patch_state, 24 bytes
 *	0  id		non-zero klp_state id
 *	8  data		initial klp_state.data (may be NULL)
 *	16 version	klp_state version
 *	20 reserved	0
 *
 *   .patch.ignore.functions  struct patch_ignore_function, 8 bytes
 *	0  fn		a function the differ must leave out of the patch even
 *			though it changed (e.g. it only changes under a
 *			callback's control)
 *
 *   .patch.ignore.sections   struct patch_ignore_section, 8 bytes
 *	0  name		string: a section the differ must not compare
 *			(".data.my_table")
 *
 * Callbacks (Documentation/livepatch/callbacks.rst) run per object, and
 * only while that object is loaded.  pre_patch may fail the patching of its
 * object by returning a -errno; the others cannot fail.  Without _OBJ, a
 * callback belongs to vmlinux; PATCH_PRE_PATCH_CALLBACK_OBJ("ext4", fn)
 * gives one to the ext4 module (its name as the kernel spells it, '-' as
 * '_'), which then becomes an object of the patch even if no function of
 * it is patched.
 *
 * States (Documentation/livepatch/system-state.rst): PATCH_STATE(id,
 * version) declares that the patch keeps the system modification id at
 * that version; a later cumulative patch that does not declare id at the
 * same or a higher version is refused by the kernel.  Callbacks find a
 * replaced patch's state, and its data, with klp_get_prev_state(id).
 * PATCH_STATE_DATA(id, version, ptr) also sets the state's data pointer to
 * ptr (an address constant, e.g. &my_static_struct).
 *
 * Shadow variables (Documentation/livepatch/shadow-vars.rst) need no
 * macro: the patched code calls the livepatch core directly.  A fix that
 * adds a lock to every struct foo, including those that exist already:
 *
 *	#define FOO_LOCK_SHADOW_ID	1
 *
 *	static int foo_lock_ctor(void *obj, void *shadow_data, void *ctor_data)
 *	{
 *		spin_lock_init((spinlock_t *)shadow_data);
 *		return 0;
 *	}
 *
 *	void foo_update(struct foo *foo)	// a patched function
 *	{
 *		spinlock_t *lock;
 *
 *		lock = klp_shadow_get_or_alloc(foo, FOO_LOCK_SHADOW_ID,
 *					       sizeof(*lock), GFP_ATOMIC,
 *					       foo_lock_ctor, NULL);
 *		if (lock)
 *			spin_lock(lock);
 *		...
 *		if (lock)
 *			spin_unlock(lock);
 *	}
 *
 *	void foo_free(struct foo *foo)		// also patched
 *	{
 *		klp_shadow_free(foo, FOO_LOCK_SHADOW_ID, NULL);
 *		kfree(foo);
 *	}
 *
 *	// When the patch goes away, free what is left.
 *	static void foo_post_unpatch(struct klp_object *obj)
 *	{
 *		klp_shadow_free_all(FOO_LOCK_SHADOW_ID, NULL);
 *	}
 *	PATCH_POST_UNPATCH_CALLBACK(foo_post_unpatch);
 *
 * A shadow variable outlives the patch that allocated it unless freed;
 * when a cumulative patch takes over the same id, declare a PATCH_STATE for
 * it so that the kernel refuses a replacement that would not know it.
 */
#ifndef PB_PATCH_AUTHOR_H
#define PB_PATCH_AUTHOR_H

/* The records' layouts and section names, shared with the tools. */
#include "patch-records.h"

#ifdef __KERNEL__

#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/livepatch.h>

#define __PATCH_RECORD(section)						\
	static const __used __section(section) __aligned(8)

/* Refuse, at compile time, a callback of the wrong type. */
#define __PATCH_CHECK_CALLBACK(func, type)					\
	static_assert(__builtin_types_compatible_p(typeof(&(func)), type),	\
		      #func " has the wrong type for this callback")

#define __PATCH_CALLBACK(kind_, obj, func, type)				\
	__PATCH_CHECK_CALLBACK(func, type);					\
	__PATCH_RECORD(PATCH_CALLBACKS_SECTION) struct patch_callback	\
	__UNIQUE_ID(patch_callback_##func) = {				\
		.fn = (unsigned long)&(func),					\
		.objname = (unsigned long)(obj),				\
		.kind = (kind_),						\
	}

#define PATCH_PRE_PATCH_CALLBACK_OBJ(obj, func)				\
	__PATCH_CALLBACK(PATCH_CALLBACK_PRE_PATCH, obj, func, int (*)(struct klp_object *))
#define PATCH_POST_PATCH_CALLBACK_OBJ(obj, func)				\
	__PATCH_CALLBACK(PATCH_CALLBACK_POST_PATCH, obj, func, void (*)(struct klp_object *))
#define PATCH_PRE_UNPATCH_CALLBACK_OBJ(obj, func)				\
	__PATCH_CALLBACK(PATCH_CALLBACK_PRE_UNPATCH, obj, func, void (*)(struct klp_object *))
#define PATCH_POST_UNPATCH_CALLBACK_OBJ(obj, func)				\
	__PATCH_CALLBACK(PATCH_CALLBACK_POST_UNPATCH, obj, func, void (*)(struct klp_object *))

#define PATCH_PRE_PATCH_CALLBACK(func)		PATCH_PRE_PATCH_CALLBACK_OBJ(NULL, func)
#define PATCH_POST_PATCH_CALLBACK(func)		PATCH_POST_PATCH_CALLBACK_OBJ(NULL, func)
#define PATCH_PRE_UNPATCH_CALLBACK(func)	PATCH_PRE_UNPATCH_CALLBACK_OBJ(NULL, func)
#define PATCH_POST_UNPATCH_CALLBACK(func)	PATCH_POST_UNPATCH_CALLBACK_OBJ(NULL, func)

#define PATCH_STATE_DATA(id_, version_, data_)				\
	static_assert((id_) != 0, "a klp_state id must not be 0");		\
	__PATCH_RECORD(PATCH_STATES_SECTION) struct patch_state		\
	__UNIQUE_ID(patch_state) = {						\
		.id = (id_),							\
		.data = (unsigned long)(data_),					\
		.version = (version_),						\
	}
#define PATCH_STATE(id, version)	PATCH_STATE_DATA(id, version, NULL)

#define PATCH_IGNORE_FUNCTION(func)					\
	__PATCH_RECORD(PATCH_IGNORE_FUNCTIONS_SECTION)				\
	struct patch_ignore_function __UNIQUE_ID(patch_ignore_##func) = {	\
		.fn = (unsigned long)&(func),					\
	}

#define PATCH_IGNORE_SECTION(name_)						\
	__PATCH_RECORD(PATCH_IGNORE_SECTIONS_SECTION)				\
	struct patch_ignore_section __UNIQUE_ID(patch_ignore_section) = {	\
		.name = (unsigned long)(name_),					\
	}

#endif /* __KERNEL__ */

#endif
