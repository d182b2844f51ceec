/*
 * A static helper is renamed (and fixed).  Names do not match, so the new
 * name is a new function; the caller changes because its call target did.
 */
#define noinline	__attribute__((__noinline__))

extern int printk(const char *fmt, ...);

struct usb_device {
	int devnum;
	int speed;
	unsigned int quirks;
	char product[32];
};

static noinline void usb_show_speed(struct usb_device *udev)
{
	printk("usb %d: %s speed device %s\n", udev->devnum,
	       udev->speed >= 3 ? "high" : "full", udev->product);
}

int usb_new_device(struct usb_device *udev)
{
	if (udev->quirks & 0x1)
		udev->speed = 2;
	usb_show_speed(udev);
	return 0;
}
