/*
 * Functions with objtool's __pfx_ symbols (CONFIG_PREFIX_SYMBOLS, 6.2 and
 * later): 16 bytes of padding before each function, in its section, named
 * __pfx_NAME.  They travel with their function and are never reported as
 * functions of their own.
 */
#define PREFIX(f) asm(".type __pfx_" #f ", @function\n.set __pfx_" #f ", " #f " - 16\n" \
		      ".size __pfx_" #f ", 16")

int pfx_scale(int x)
{
	return x * 3 + 1;
}
PREFIX(pfx_scale);

int pfx_other(int x)
{
	return x - 7;
}
PREFIX(pfx_other);
