/* A message changes; nothing else does. */
extern int printk(const char *fmt, ...);

#define EINVAL		22
#define ETH_MIN_MTU	68
#define ETH_MAX_MTU	9000
#define IFF_UP		0x1

struct net_device {
	char name[16];
	unsigned int flags;
	int mtu;
};

int netdev_set_mtu(struct net_device *dev, int new_mtu)
{
	if (new_mtu < ETH_MIN_MTU || new_mtu > ETH_MAX_MTU) {
		printk("%s: invalid MTU %d\n", dev->name, new_mtu);
		return -EINVAL;
	}
	dev->mtu = new_mtu;
	return 0;
}

int netdev_open(struct net_device *dev)
{
	dev->flags |= IFF_UP;
	printk("%s: link up\n", dev->name);
	return 0;
}
