/* A static const table changes: a new copy goes in the module and every
 * function using it is patched to use the copy. */
static const int prio_to_weight[8] = { 88761, 71755, 56483, 46273, 36291, 29154, 23254, 18706 };

int weight_of(unsigned int prio)
{
	return prio_to_weight[prio & 7];
}

int weight_sum(unsigned int a, unsigned int b)
{
	return prio_to_weight[a & 7] + prio_to_weight[b & 7];
}

int unrelated(int x)
{
	return x * 3;
}
