/*
 * The counterpart of case 76: the second function's constant keeps its
 * label (.LC1) but its value changes; the function changed.
 */
double scale_first(double x)
{
	return x * 1.5;
}

double scale_second(double x)
{
	return x * 2.5;
}
