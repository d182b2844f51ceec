int thing_value(void)
{
	return 1;
}
