
/*
 * pr_err() of __func__ and __LINE__: the line is a variadic argument of
 * _printk().  A blank line added at the top of the file moves the function
 * and the value by one: nothing to patch.
 */
extern int _printk(const char *fmt, ...);
#define pr_err(fmt, ...) _printk("\0013" fmt, ##__VA_ARGS__)

struct queue { int head, tail, size; };

int queue_push(struct queue *q, int v)
{
	if (q->tail - q->head >= q->size) {
		pr_err("%s:%d: queue full (%d)\n", __func__, __LINE__, v);
		return -28;
	}
	q->tail++;
	return 0;
}
