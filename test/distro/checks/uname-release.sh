# passes when uname(2) reports the patched release
uname -r
uname -r | grep -q livepatched
