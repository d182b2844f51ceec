/*
 * printk is __cold in the kernel, so gcc -O2 moves error paths that call it
 * into a separate function.cold part.  The hot path changes here; the .cold
 * part is carried with its parent and never reported on its own.
 */
#define __cold		__attribute__((__cold__))
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define EINVAL		22
#define EIO		5

extern __cold int printk(const char *fmt, ...);

struct block_device {
	char name[32];
	unsigned long long nr_sectors;
	unsigned int sector_size;
	unsigned long io_errors;
	unsigned long reads;
};

int bdev_check_io(struct block_device *bdev, unsigned long long sector,
		  unsigned int count)
{
	if (unlikely(sector + count > bdev->nr_sectors)) {
		printk("%s: access beyond end of device: sector %llu + %u > %llu\n",
		       bdev->name, sector, count, bdev->nr_sectors);
		bdev->io_errors++;
		return -EIO;
	}
	if (unlikely(!count)) {
		printk("%s: zero-length request at sector %llu\n", bdev->name, sector);
		return -EINVAL;
	}
	bdev->reads += count;
	return 0;
}
