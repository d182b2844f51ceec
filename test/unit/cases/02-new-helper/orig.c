/* The fix moves a check into a new helper that the caller now uses. */
extern int printk(const char *fmt, ...);

#define noinline	__attribute__((__noinline__))
#define EINVAL		22
#define ETH_HLEN	14

struct sk_buff {
	unsigned int len;
	unsigned int data_len;
	unsigned char *data;
	unsigned short protocol;
};

int skb_validate(struct sk_buff *skb)
{
	if (skb->len < ETH_HLEN)
		return -EINVAL;
	skb->protocol = skb->data[12] << 8 | skb->data[13];
	return 0;
}
