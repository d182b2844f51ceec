# passes when /proc/cmdline shows the patched text
grep -q debian-livepatched /proc/cmdline
