/*
 * gcc labels the constants it puts in mergeable constant sections
 * (.rodata.cst8) .LC0, .LC1, ... in file order.  The patch adds constants
 * to the first function: the label of the second function's constant is
 * renumbered, but the constant is the same, so only the first changes.
 */
double scale_first(double x)
{
	return x * 1.25 + 0.375;
}

double scale_second(double x)
{
	return x * 2.75;
}
