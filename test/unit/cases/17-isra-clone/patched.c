/*
 * A static function that only reads two fields of the structure passed to
 * it: IPA-SRA passes the fields instead and names the clone .isra.N.  The
 * clone changes; it is reported under the original object's name.
 */
#define noinline	__attribute__((__noinline__))

struct inode {
	unsigned long i_ino;
	unsigned int i_mode;
	unsigned int i_nlink;
	unsigned long long i_size;
	unsigned int i_blkbits;
};

static noinline unsigned long inode_blocks(const struct inode *inode)
{
	unsigned long long size = inode->i_size ? inode->i_size : 1;

	return (size + (1ULL << inode->i_blkbits) - 1) >> inode->i_blkbits;
}

unsigned long inode_stat_blocks(const struct inode *inode)
{
	return inode_blocks(inode) << (inode->i_blkbits - 9);
}

int inode_is_sparse(const struct inode *inode, unsigned long allocated)
{
	return allocated < inode_blocks(inode);
}
