/* The fix adds zero-initialised (bss) statistics used by a changed function. */
struct packet {
	unsigned int len;
	unsigned char type;
};

#define PKT_DATA	1

int classify_packet(const struct packet *pkt)
{
	if (pkt->type != PKT_DATA)
		return 0;
	return pkt->len > 1500 ? 2 : 1;
}
