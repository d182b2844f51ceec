/*
 * Sixty sysfs-style attribute handlers; the fix touches one of them.  Only
 * that one may be reported and only it (not its neighbours) included.
 */
extern int snprintf(char *buf, unsigned long size, const char *fmt, ...);
extern int kstrtouint(const char *s, unsigned int base, unsigned int *res);

#define PAGE_SIZE	4096
#define EINVAL		22

struct hw_params {
	unsigned int val[60];
};

int param00_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[0]);
}

int param00_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1000)
		return -EINVAL;
	p->val[0] = v;
	return 0;
}

int param01_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[1]);
}

int param01_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1007)
		return -EINVAL;
	p->val[1] = v;
	return 0;
}

int param02_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[2]);
}

int param02_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1014)
		return -EINVAL;
	p->val[2] = v;
	return 0;
}

int param03_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[3]);
}

int param03_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1021)
		return -EINVAL;
	p->val[3] = v;
	return 0;
}

int param04_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[4]);
}

int param04_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1028)
		return -EINVAL;
	p->val[4] = v;
	return 0;
}

int param05_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[5]);
}

int param05_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1035)
		return -EINVAL;
	p->val[5] = v;
	return 0;
}

int param06_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[6]);
}

int param06_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1042)
		return -EINVAL;
	p->val[6] = v;
	return 0;
}

int param07_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[7]);
}

int param07_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1049)
		return -EINVAL;
	p->val[7] = v;
	return 0;
}

int param08_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[8]);
}

int param08_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1056)
		return -EINVAL;
	p->val[8] = v;
	return 0;
}

int param09_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[9]);
}

int param09_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1063)
		return -EINVAL;
	p->val[9] = v;
	return 0;
}

int param10_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[10]);
}

int param10_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1070)
		return -EINVAL;
	p->val[10] = v;
	return 0;
}

int param11_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[11]);
}

int param11_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1077)
		return -EINVAL;
	p->val[11] = v;
	return 0;
}

int param12_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[12]);
}

int param12_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1084)
		return -EINVAL;
	p->val[12] = v;
	return 0;
}

int param13_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[13]);
}

int param13_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1091)
		return -EINVAL;
	p->val[13] = v;
	return 0;
}

int param14_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[14]);
}

int param14_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1098)
		return -EINVAL;
	p->val[14] = v;
	return 0;
}

int param15_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[15]);
}

int param15_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1105)
		return -EINVAL;
	p->val[15] = v;
	return 0;
}

int param16_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[16]);
}

int param16_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1112)
		return -EINVAL;
	p->val[16] = v;
	return 0;
}

int param17_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[17]);
}

int param17_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1119)
		return -EINVAL;
	p->val[17] = v;
	return 0;
}

int param18_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[18]);
}

int param18_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1126)
		return -EINVAL;
	p->val[18] = v;
	return 0;
}

int param19_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[19]);
}

int param19_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1133)
		return -EINVAL;
	p->val[19] = v;
	return 0;
}

int param20_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[20]);
}

int param20_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1140)
		return -EINVAL;
	p->val[20] = v;
	return 0;
}

int param21_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[21]);
}

int param21_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1147)
		return -EINVAL;
	p->val[21] = v;
	return 0;
}

int param22_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[22]);
}

int param22_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1154)
		return -EINVAL;
	p->val[22] = v;
	return 0;
}

int param23_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[23]);
}

int param23_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1161)
		return -EINVAL;
	p->val[23] = v;
	return 0;
}

int param24_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[24]);
}

int param24_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1168)
		return -EINVAL;
	p->val[24] = v;
	return 0;
}

int param25_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[25]);
}

int param25_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1175)
		return -EINVAL;
	p->val[25] = v;
	return 0;
}

int param26_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[26]);
}

int param26_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1182)
		return -EINVAL;
	p->val[26] = v;
	return 0;
}

int param27_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[27]);
}

int param27_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1189)
		return -EINVAL;
	p->val[27] = v;
	return 0;
}

int param28_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[28]);
}

int param28_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1196)
		return -EINVAL;
	p->val[28] = v;
	return 0;
}

int param29_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[29]);
}

int param29_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1203)
		return -EINVAL;
	p->val[29] = v;
	return 0;
}

int param30_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[30]);
}

int param30_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1210)
		return -EINVAL;
	p->val[30] = v;
	return 0;
}

int param31_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[31]);
}

int param31_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1217)
		return -EINVAL;
	p->val[31] = v;
	return 0;
}

int param32_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[32]);
}

int param32_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1224)
		return -EINVAL;
	p->val[32] = v;
	return 0;
}

int param33_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[33]);
}

int param33_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1231)
		return -EINVAL;
	p->val[33] = v;
	return 0;
}

int param34_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[34]);
}

int param34_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1238)
		return -EINVAL;
	p->val[34] = v;
	return 0;
}

int param35_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[35]);
}

int param35_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1245)
		return -EINVAL;
	p->val[35] = v;
	return 0;
}

int param36_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[36]);
}

int param36_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1252)
		return -EINVAL;
	p->val[36] = v;
	return 0;
}

int param37_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[37]);
}

int param37_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1259)
		return -EINVAL;
	p->val[37] = v;
	return 0;
}

int param38_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[38]);
}

int param38_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1266)
		return -EINVAL;
	p->val[38] = v;
	return 0;
}

int param39_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[39]);
}

int param39_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1273)
		return -EINVAL;
	p->val[39] = v;
	return 0;
}

int param40_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[40]);
}

int param40_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1280)
		return -EINVAL;
	p->val[40] = v;
	return 0;
}

int param41_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[41]);
}

int param41_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1287)
		return -EINVAL;
	p->val[41] = v;
	return 0;
}

int param42_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[42]);
}

int param42_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1294)
		return -EINVAL;
	p->val[42] = v;
	return 0;
}

int param43_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[43]);
}

int param43_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1301)
		return -EINVAL;
	p->val[43] = v;
	return 0;
}

int param44_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[44]);
}

int param44_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1308)
		return -EINVAL;
	p->val[44] = v;
	return 0;
}

int param45_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[45]);
}

int param45_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1315)
		return -EINVAL;
	p->val[45] = v;
	return 0;
}

int param46_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[46]);
}

int param46_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1322)
		return -EINVAL;
	p->val[46] = v;
	return 0;
}

int param47_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[47]);
}

int param47_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1329)
		return -EINVAL;
	p->val[47] = v;
	return 0;
}

int param48_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[48]);
}

int param48_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1336)
		return -EINVAL;
	p->val[48] = v;
	return 0;
}

int param49_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[49]);
}

int param49_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1343)
		return -EINVAL;
	p->val[49] = v;
	return 0;
}

int param50_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[50]);
}

int param50_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1350)
		return -EINVAL;
	p->val[50] = v;
	return 0;
}

int param51_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[51]);
}

int param51_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1357)
		return -EINVAL;
	p->val[51] = v;
	return 0;
}

int param52_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[52]);
}

int param52_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1364)
		return -EINVAL;
	p->val[52] = v;
	return 0;
}

int param53_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[53]);
}

int param53_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1371)
		return -EINVAL;
	p->val[53] = v;
	return 0;
}

int param54_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[54]);
}

int param54_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1378)
		return -EINVAL;
	p->val[54] = v;
	return 0;
}

int param55_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[55]);
}

int param55_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1385)
		return -EINVAL;
	p->val[55] = v;
	return 0;
}

int param56_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[56]);
}

int param56_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1392)
		return -EINVAL;
	p->val[56] = v;
	return 0;
}

int param57_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[57]);
}

int param57_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1399)
		return -EINVAL;
	p->val[57] = v;
	return 0;
}

int param58_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[58]);
}

int param58_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1406)
		return -EINVAL;
	p->val[58] = v;
	return 0;
}

int param59_show(struct hw_params *p, char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%u\n", p->val[59]);
}

int param59_store(struct hw_params *p, const char *buf)
{
	unsigned int v;

	if (kstrtouint(buf, 0, &v))
		return -EINVAL;
	if (v > 1413)
		return -EINVAL;
	p->val[59] = v;
	return 0;
}
