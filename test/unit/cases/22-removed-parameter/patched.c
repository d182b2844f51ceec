/*
 * A static function loses a parameter it never used correctly; both it and
 * its callers change.
 */
#define noinline	__attribute__((__noinline__))

extern int printk(const char *fmt, ...);

struct sock {
	int sk_state;
	unsigned int sk_rcvbuf;
	unsigned int sk_sndbuf;
	unsigned int sk_flags;
};

static noinline void sk_set_buffers(struct sock *sk, unsigned int size)
{
	sk->sk_rcvbuf = size;
	sk->sk_sndbuf = size;
	printk("sock %p: buffers %u/%u\n", sk, size, size);
}

void tcp_init_buffers(struct sock *sk, unsigned int size)
{
	sk_set_buffers(sk, size);
}

void udp_init_buffers(struct sock *sk, unsigned int size)
{
	sk_set_buffers(sk, size * 2);
}
