/*
 * A number printed with _printk() really changes (the function did not
 * move): a change, even though the instruction differs only in the
 * immediate of a printk argument, as a __LINE__ shift would.
 */
extern int _printk(const char *fmt, ...);
#define pr_err(fmt, ...) _printk("\0013" fmt, ##__VA_ARGS__)

struct queue { int head, tail, size; };

int queue_push(struct queue *q, int v)
{
	if (q->tail - q->head >= q->size) {
		pr_err("%s: queue full (%d of %d)\n", __func__, v, 128);
		return -28;
	}
	q->tail++;
	return 0;
}
