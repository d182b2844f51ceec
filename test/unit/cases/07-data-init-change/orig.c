/*
 * The initial value of an existing global changes.  The running kernel's
 * variable keeps its value; a patch cannot change it safely: refuse.
 */
struct sk_buff;

extern int __netif_rx(struct sk_buff *skb);

int netdev_max_backlog = 1000;
unsigned int backlog_len;

int netif_rx(struct sk_buff *skb)
{
	if (backlog_len >= netdev_max_backlog)
		return 1;
	backlog_len++;
	return __netif_rx(skb);
}
