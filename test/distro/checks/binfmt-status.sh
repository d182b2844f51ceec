# passes when binfmt_misc's status file shows the patched text
status=/proc/sys/fs/binfmt_misc/status
[ -e $status ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc || exit 2
cat $status
grep -q livepatched $status
