/*
 * Case 91 without debug info: nothing shows that the function moved with
 * the number it prints, so the number may be a real change.
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
