// SPDX-License-Identifier: GPL-2.0
/*
 * The patch module template: linked with the differ's output by kbuild
 * (kmod/Kbuild), it turns the tables the differ and the patch author left
 * in the module into the structures of the livepatch core and enables the
 * patch.
 *
 *   .patch.funcs	struct patch_func (patch-records.h): what to redirect
 *   .patch.callbacks	struct patch_callback (patch-author.h)
 *   .patch.states	struct patch_state (patch-author.h)
 *
 * kmod/patch.lds, given to the link of the module object, brackets each
 * table with __<table>_start/__<table>_end symbols.  The pointer fields of
 * the records are filled by the module loader's relocations, so they are
 * plain pointers here.  Functions are grouped into one klp_object per
 * object name ("vmlinux" becomes a NULL name), in order of first
 * appearance; the patch replaces earlier ones (atomic replace) unless the
 * module is built with -DPATCH_NO_REPLACE.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "patch-records.h"
#include "patch-author.h"
/* MODULE_INFO(import_ns, ...) lines, made by namespace-imports (kmod/Kbuild). */
#include "patch-imports.h"

extern const struct patch_func __patch_funcs_start[], __patch_funcs_end[];
extern const struct patch_callback __patch_callbacks_start[], __patch_callbacks_end[];
extern const struct patch_state __patch_states_start[], __patch_states_end[];

/*
 * An empty member of each table, so that the table's output section is
 * always a loaded (SHF_ALLOC) one: when no object has entries, the section
 * patch.lds puts its symbols in would otherwise not be loaded, and the
 * module loader would place the symbols outside the module.
 */
static const struct patch_func patch_funcs_none[0]
	__used __section(PATCH_FUNCS_SECTION) __aligned(8);
static const struct patch_callback patch_callbacks_none[0]
	__used __section(PATCH_CALLBACKS_SECTION) __aligned(8);
static const struct patch_state patch_states_none[0]
	__used __section(PATCH_STATES_SECTION) __aligned(8);

static struct klp_patch patch = {
	.mod = THIS_MODULE,
#ifdef PATCH_NO_REPLACE
	.replace = false,
#else
	.replace = true,
#endif
};

/* Objects as they are being built; objs[nr_objs] stays all zero. */
static struct klp_object *objs;
static unsigned int *obj_nr_funcs;
static unsigned int nr_objs;

static const char *record_string(u64 field)
{
	return (const char *)(unsigned long)field;
}

/* The klp_object name for a record's object name: NULL means vmlinux. */
static const char *klp_object_name(const char *objname)
{
	return objname && strcmp(objname, "vmlinux") ? objname : NULL;
}

static struct klp_object *find_object(const char *name)
{
	unsigned int i;

	for (i = 0; i < nr_objs; i++) {
		const char *other = objs[i].name;

		if (name == other || (name && other && !strcmp(name, other)))
			return &objs[i];
	}
	return NULL;
}

/* The object called @name, added if it is new; @max bounds the array. */
static struct klp_object *get_object(const char *name, unsigned int max)
{
	struct klp_object *obj = find_object(name);

	if (obj)
		return obj;
	if (WARN_ON(nr_objs >= max))
		return NULL;
	obj = &objs[nr_objs++];
	obj->name = name;
	return obj;
}

static void free_objects(void)
{
	unsigned int i;

	if (objs)
		for (i = 0; i < nr_objs; i++)
			kfree(objs[i].funcs);
	kfree(objs);
	kfree(obj_nr_funcs);
	kfree(patch.states);
	objs = NULL;
	obj_nr_funcs = NULL;
	patch.objs = NULL;
	patch.states = NULL;
	nr_objs = 0;
}

static int check_func(const struct patch_func *pf)
{
	const char *name = record_string(pf->old_name);

	if (!pf->new_func || !name || !pf->objname) {
		pr_err(".patch.funcs entry %td is incomplete\n", pf - __patch_funcs_start);
		return -EINVAL;
	}
	return 0;
}

static int add_funcs(unsigned int max_objs)
{
	const struct patch_func *pf;
	unsigned int i;
	int ret;

	/* First the objects and how many functions each has... */
	for (pf = __patch_funcs_start; pf < __patch_funcs_end; pf++) {
		struct klp_object *obj;

		ret = check_func(pf);
		if (ret)
			return ret;
		obj = get_object(klp_object_name(record_string(pf->objname)), max_objs);
		if (!obj)
			return -EINVAL;
		obj_nr_funcs[obj - objs]++;
	}
	/* ...then their zero-terminated arrays. */
	for (i = 0; i < nr_objs; i++) {
		objs[i].funcs = kcalloc(obj_nr_funcs[i] + 1, sizeof(struct klp_func), GFP_KERNEL);
		if (!objs[i].funcs)
			return -ENOMEM;
		obj_nr_funcs[i] = 0;
	}
	for (pf = __patch_funcs_start; pf < __patch_funcs_end; pf++) {
		struct klp_object *obj = find_object(klp_object_name(record_string(pf->objname)));
		struct klp_func *func = &obj->funcs[obj_nr_funcs[obj - objs]++];

		func->old_name = record_string(pf->old_name);
		func->new_func = (void *)(unsigned long)pf->new_func;
		func->old_sympos = pf->old_sympos;
	}
	return 0;
}

static int add_callback(const struct patch_callback *pc, unsigned int max_objs)
{
	const char *name = klp_object_name(record_string(pc->objname));
	struct klp_object *obj = get_object(name, max_objs);
	struct klp_callbacks *cb;
	bool taken;

	if (!obj)
		return -EINVAL;
	/* An object with callbacks only still needs its (empty) function array. */
	if (!obj->funcs) {
		obj->funcs = kcalloc(1, sizeof(struct klp_func), GFP_KERNEL);
		if (!obj->funcs)
			return -ENOMEM;
	}
	cb = &obj->callbacks;
	switch (pc->kind) {
	case PATCH_CALLBACK_PRE_PATCH:
		taken = cb->pre_patch != NULL;
		cb->pre_patch = (void *)(unsigned long)pc->fn;
		break;
	case PATCH_CALLBACK_POST_PATCH:
		taken = cb->post_patch != NULL;
		cb->post_patch = (void *)(unsigned long)pc->fn;
		break;
	case PATCH_CALLBACK_PRE_UNPATCH:
		taken = cb->pre_unpatch != NULL;
		cb->pre_unpatch = (void *)(unsigned long)pc->fn;
		break;
	case PATCH_CALLBACK_POST_UNPATCH:
		taken = cb->post_unpatch != NULL;
		cb->post_unpatch = (void *)(unsigned long)pc->fn;
		break;
	default:
		pr_err("callback %ps: unknown kind %u\n", (void *)(unsigned long)pc->fn, pc->kind);
		return -EINVAL;
	}
	if (taken) {
		pr_err("%s: more than one callback of kind %u\n", name ? name : "vmlinux",
		       pc->kind);
		return -EINVAL;
	}
	return 0;
}

static int add_states(void)
{
	unsigned int nr = __patch_states_end - __patch_states_start, i, j;

	if (!nr)
		return 0;
	patch.states = kcalloc(nr + 1, sizeof(struct klp_state), GFP_KERNEL);
	if (!patch.states)
		return -ENOMEM;
	for (i = 0; i < nr; i++) {
		const struct patch_state *ps = &__patch_states_start[i];

		if (!ps->id) {
			pr_err("a klp_state id must not be 0\n");
			return -EINVAL;
		}
		for (j = 0; j < i; j++) {
			if (patch.states[j].id == ps->id) {
				pr_err("klp_state %llu is declared twice\n", ps->id);
				return -EINVAL;
			}
		}
		patch.states[i].id = ps->id;
		patch.states[i].version = ps->version;
		patch.states[i].data = (void *)(unsigned long)ps->data;
	}
	return 0;
}

static int build_patch(void)
{
	unsigned int nr_funcs = __patch_funcs_end - __patch_funcs_start;
	unsigned int nr_callbacks = __patch_callbacks_end - __patch_callbacks_start;
	unsigned int max_objs = nr_funcs + nr_callbacks, i;
	int ret;

	if (!max_objs) {
		pr_err("the module patches nothing (no .patch.funcs entries, no callbacks)\n");
		return -EINVAL;
	}
	objs = kcalloc(max_objs + 1, sizeof(*objs), GFP_KERNEL);
	obj_nr_funcs = kcalloc(max_objs, sizeof(*obj_nr_funcs), GFP_KERNEL);
	if (!objs || !obj_nr_funcs)
		return -ENOMEM;
	ret = add_funcs(max_objs);
	for (i = 0; !ret && i < nr_callbacks; i++)
		ret = add_callback(&__patch_callbacks_start[i], max_objs);
	if (!ret)
		ret = add_states();
	if (ret)
		return ret;
	patch.objs = objs;
	pr_debug("%u functions in %u objects, %u callbacks, %td states\n", nr_funcs, nr_objs,
		 nr_callbacks, __patch_states_end - __patch_states_start);
	return 0;
}

static int __init patch_init(void)
{
	int ret = build_patch();

	if (!ret)
		ret = klp_enable_patch(&patch);
	if (ret)
		free_objects();
	return ret;
}

/*
 * The livepatch core holds a reference on the module until the patch is
 * disabled (or replaced) and freed, so nothing uses these arrays any more.
 */
static void __exit patch_exit(void)
{
	free_objects();
}

module_init(patch_init);
module_exit(patch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("livepatch built by patch-build");
