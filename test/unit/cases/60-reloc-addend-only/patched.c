/*
 * The fix counts into a different member of a global structure.  The code
 * bytes are identical; only the relocation's addend (the member's offset)
 * differs.  The function is changed; the structure is a reference.
 */
struct net_stats {
	unsigned long rx_packets;
	unsigned long tx_packets;
	unsigned long rx_dropped;
	unsigned long tx_dropped;
};

struct net_stats loopback_stats;

void loopback_drop(int tx)
{
	if (tx)
		loopback_stats.tx_dropped++;
	else
		loopback_stats.rx_dropped++;
}
