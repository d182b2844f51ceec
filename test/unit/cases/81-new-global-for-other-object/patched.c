int thing_value(void)
{
	return 1;
}

/* Only another file of the patch uses it. */
int pb_shared_flag = 3;
