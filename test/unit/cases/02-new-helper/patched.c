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

noinline int skb_headlen_ok(struct sk_buff *skb, unsigned int need)
{
	if (skb->len < skb->data_len || skb->len - skb->data_len < need) {
		printk("skb: short linear part (%u of %u)\n", skb->len - skb->data_len, need);
		return 0;
	}
	return 1;
}

int skb_validate(struct sk_buff *skb)
{
	if (!skb_headlen_ok(skb, ETH_HLEN))
		return -EINVAL;
	skb->protocol = skb->data[12] << 8 | skb->data[13];
	return 0;
}
