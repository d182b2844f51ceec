# passes when the last drop_caches message is the patched one; the static
# local 'stfu' it prints is the running kernel's (0: never silenced)
echo 1 >/proc/sys/vm/drop_caches
dmesg | grep 'drop_caches: ' | tail -n 1 | grep -q 'livepatched stfu=0'
