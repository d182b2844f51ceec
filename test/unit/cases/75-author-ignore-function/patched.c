/*
 * The author marks a changed function with PATCH_IGNORE_FUNCTION (a record
 * in .patch.ignore.functions): the differ leaves it out, so nothing is left
 * to patch.
 */
int debug_level = 1;

int debug_enabled(int level)
{
	return level < debug_level;
}

static void *const __ignore_debug_enabled
	__attribute__((used, section(".patch.ignore.functions"), aligned(8))) = debug_enabled;
