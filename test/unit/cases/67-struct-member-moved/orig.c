/* A struct the running kernel already has instances of gains a member in
 * the middle: every later member moves. */
struct session {
	int id;
	long started;
	unsigned int flags;
};

extern struct session *current_session(void);

unsigned int session_flags(void)
{
	return current_session()->flags;
}
