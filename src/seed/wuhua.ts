/**
 * Demo data for Wuhua District (五华区), Kunming: its ten street offices, and under each
 * a few communities and residents' groups. The street offices are real; the communities,
 * groups and aliases are plausible names for the area, not an official list, and every
 * person is fictional.
 *
 * Phone numbers are demo numbers in 138-0000-xxxx, numbered by position so a number says
 * where its liaison sits: 1380000 + SSCG (street SS, community C, group G; 0 = the zone
 * itself), e.g. 13800000100 华山街道, 13800000110 翠湖社区, 13800000111 its first group.
 * The district desk is 13800000001.
 *
 * Aliases are street, road, estate and landmark names used to match addresses to a zone;
 * none is repeated between zones, so a match names one zone.
 */

export interface SeedLiaison {
  name: string;
  phone: string;
  email?: string;
}
export interface SeedGroup {
  code: string;
  name: string;
  aliases: string[];
  liaison: SeedLiaison;
}
export interface SeedCommunity {
  code: string;
  name: string;
  aliases: string[];
  liaison: SeedLiaison;
  groups: SeedGroup[];
}
export interface SeedStreet {
  code: string;
  name: string;
  aliases: string[];
  liaison: SeedLiaison;
  communities: SeedCommunity[];
}
export interface SeedDistrict {
  name: string;
  liaison: SeedLiaison;
}

/** The district root (code `district`, created by the migration): the triage desk. */
export const WUHUA_CENTRE: SeedDistrict = {
  name: '五华区民情服务中心',
  liaison: { name: '周明华', phone: '13800000001', email: 'zhouminghua@demo.invalid' },
};

/**
 * Where complaints about officials go (信访工作条例 Art. 30): the district's discipline inspection
 * office's petition desk, a supervisory body under the district, never offered to residents as a zone.
 */
export const WUHUA_SUPERVISORY = {
  code: 'wh-jw',
  name: '五华区纪委监委信访室',
  liaison: { name: '许文清', phone: '13800009001', email: 'xuwenqing@demo.invalid' } satisfies SeedLiaison,
};

export const WUHUA: SeedStreet[] = [
  {
    code: 'wh-hs',
    name: '华山街道',
    aliases: ['华山南路', '华山西路', '五一路', '东风西路'],
    liaison: { name: '李建华', phone: '13800000100', email: 'lijianhua@demo.invalid' },
    communities: [
      {
        code: 'wh-hs-ch',
        name: '翠湖社区',
        aliases: ['翠湖', '翠湖南路', '翠湖北路', '洪化桥'],
        liaison: { name: '杨丽芬', phone: '13800000110' },
        groups: [
          { code: 'wh-hs-ch-01', name: '第一居民小组', aliases: ['翠湖西路'], liaison: { name: '赵桂兰', phone: '13800000111' } },
          { code: 'wh-hs-ch-02', name: '第二居民小组', aliases: ['钱局街'], liaison: { name: '王志刚', phone: '13800000112' } },
        ],
      },
      {
        code: 'wh-hs-yt',
        name: '圆通社区',
        aliases: ['圆通街', '圆通山', '圆通寺', '青云街'],
        liaison: { name: '张晓燕', phone: '13800000120' },
        groups: [
          { code: 'wh-hs-yt-01', name: '第一居民小组', aliases: ['北门街'], liaison: { name: '陈国强', phone: '13800000121' } },
          { code: 'wh-hs-yt-02', name: '第二居民小组', aliases: ['螺峰街'], liaison: { name: '刘美玲', phone: '13800000122' } },
        ],
      },
      {
        code: 'wh-hs-wl',
        name: '文林社区',
        aliases: ['文林街', '文化巷', '云南大学'],
        liaison: { name: '黄志明', phone: '13800000130' },
        groups: [
          { code: 'wh-hs-wl-01', name: '第一居民小组', aliases: ['先生坡'], liaison: { name: '孙秀英', phone: '13800000131' } },
          { code: 'wh-hs-wl-02', name: '第二居民小组', aliases: ['凤翥街'], liaison: { name: '马俊', phone: '13800000132' } },
        ],
      },
    ],
  },
  {
    code: 'wh-hg',
    name: '护国街道',
    aliases: ['护国路', '正义路', '南屏街', '三市街'],
    liaison: { name: '王海燕', phone: '13800000200', email: 'wanghaiyan@demo.invalid' },
    communities: [
      {
        code: 'wh-hg-hg',
        name: '护国社区',
        aliases: ['护国桥', '长春路', '甬道街'],
        liaison: { name: '杜文斌', phone: '13800000210' },
        groups: [
          { code: 'wh-hg-hg-01', name: '第一居民小组', aliases: ['文庙直街'], liaison: { name: '罗玉珍', phone: '13800000211' } },
          { code: 'wh-hg-hg-02', name: '第二居民小组', aliases: ['西院街'], liaison: { name: '彭立新', phone: '13800000212' } },
        ],
      },
      {
        code: 'wh-hg-gh',
        name: '光华社区',
        aliases: ['光华街', '文明街', '象眼街'],
        liaison: { name: '吴静', phone: '13800000220' },
        groups: [
          { code: 'wh-hg-gh-01', name: '第一居民小组', aliases: ['威远街'], liaison: { name: '郑伟', phone: '13800000221' } },
          { code: 'wh-hg-gh-02', name: '第二居民小组', aliases: ['东院街'], liaison: { name: '何淑芬', phone: '13800000222' } },
        ],
      },
      {
        code: 'wh-hg-jx',
        name: '景星社区',
        aliases: ['景星街', '花鸟市场', '云瑞西路'],
        liaison: { name: '许家豪', phone: '13800000230' },
        groups: [
          { code: 'wh-hg-jx-01', name: '第一居民小组', aliases: ['吉祥巷'], liaison: { name: '谢红梅', phone: '13800000231' } },
          { code: 'wh-hg-jx-02', name: '第二居民小组', aliases: ['长春小区'], liaison: { name: '唐立军', phone: '13800000232' } },
        ],
      },
    ],
  },
  {
    code: 'wh-dg',
    name: '大观街道',
    aliases: ['大观路', '大观街', '人民西路', '大观河'],
    liaison: { name: '张卫东', phone: '13800000300', email: 'zhangweidong@demo.invalid' },
    communities: [
      {
        code: 'wh-dg-dgl',
        name: '大观楼社区',
        aliases: ['大观楼', '大观公园', '近华浦'],
        liaison: { name: '高红', phone: '13800000310' },
        groups: [
          { code: 'wh-dg-dgl-01', name: '第一居民小组', aliases: ['大观商业城'], liaison: { name: '梁志勇', phone: '13800000311' } },
          { code: 'wh-dg-dgl-02', name: '第二居民小组', aliases: ['大观楼小区'], liaison: { name: '林素芳', phone: '13800000312' } },
        ],
      },
      {
        code: 'wh-dg-zt',
        name: '篆塘社区',
        aliases: ['篆塘', '篆塘路', '篆塘公园'],
        liaison: { name: '邓建平', phone: '13800000320' },
        groups: [
          { code: 'wh-dg-zt-01', name: '第一居民小组', aliases: ['篆新农贸市场'], liaison: { name: '冯丽娟', phone: '13800000321' } },
          { code: 'wh-dg-zt-02', name: '第二居民小组', aliases: ['篆塘小区'], liaison: { name: '曾庆华', phone: '13800000322' } },
        ],
      },
      {
        code: 'wh-dg-xb',
        name: '西坝社区',
        aliases: ['西坝', '西坝新村'],
        liaison: { name: '蒋文华', phone: '13800000330' },
        groups: [
          { code: 'wh-dg-xb-01', name: '第一居民小组', aliases: ['西坝花园'], liaison: { name: '韩志强', phone: '13800000331' } },
          { code: 'wh-dg-xb-02', name: '第二居民小组', aliases: ['西坝小区'], liaison: { name: '曹秀兰', phone: '13800000332' } },
        ],
      },
    ],
  },
  {
    code: 'wh-lx',
    name: '龙翔街道',
    aliases: ['龙翔街', '建设路', '小菜园'],
    liaison: { name: '陈志远', phone: '13800000400', email: 'chenzhiyuan@demo.invalid' },
    communities: [
      {
        code: 'wh-lx-sd',
        name: '师大社区',
        aliases: ['一二一大街', '云南师范大学', '西南联大旧址'],
        liaison: { name: '付晓明', phone: '13800000410' },
        groups: [
          { code: 'wh-lx-sd-01', name: '第一居民小组', aliases: ['师大北院'], liaison: { name: '沈丽华', phone: '13800000411' } },
          { code: 'wh-lx-sd-02', name: '第二居民小组', aliases: ['师大南院'], liaison: { name: '姚振华', phone: '13800000412' } },
        ],
      },
      {
        code: 'wh-lx-lx',
        name: '龙翔社区',
        aliases: ['龙翔小区', '龙翔农贸市场'],
        liaison: { name: '卢建军', phone: '13800000420' },
        groups: [
          { code: 'wh-lx-lx-01', name: '第一居民小组', aliases: ['建设路小区'], liaison: { name: '钟秀珍', phone: '13800000421' } },
          { code: 'wh-lx-lx-02', name: '第二居民小组', aliases: ['龙翔新村'], liaison: { name: '汪海', phone: '13800000422' } },
        ],
      },
      {
        code: 'wh-lx-xf',
        name: '学府社区',
        aliases: ['学府路', '昆明理工大学'],
        liaison: { name: '田芳', phone: '13800000430' },
        groups: [
          { code: 'wh-lx-xf-01', name: '第一居民小组', aliases: ['理工大学家属区'], liaison: { name: '萧伟', phone: '13800000431' } },
          { code: 'wh-lx-xf-02', name: '第二居民小组', aliases: ['学府花园'], liaison: { name: '潘玉梅', phone: '13800000432' } },
        ],
      },
    ],
  },
  {
    code: 'wh-fn',
    name: '丰宁街道',
    aliases: ['西昌路', '红锦路', '丰宁农贸市场'],
    liaison: { name: '刘红英', phone: '13800000500', email: 'liuhongying@demo.invalid' },
    communities: [
      {
        code: 'wh-fn-fn',
        name: '丰宁社区',
        aliases: ['丰宁小区', '丰宁新村'],
        liaison: { name: '白建新', phone: '13800000510' },
        groups: [
          { code: 'wh-fn-fn-01', name: '第一居民小组', aliases: ['丰宁二区'], liaison: { name: '崔玉兰', phone: '13800000511' } },
          { code: 'wh-fn-fn-02', name: '第二居民小组', aliases: ['丰宁三区'], liaison: { name: '秦国栋', phone: '13800000512' } },
        ],
      },
      {
        code: 'wh-fn-xz',
        name: '西站社区',
        aliases: ['昆明西站', '西站立交', '西站农贸市场'],
        liaison: { name: '范小红', phone: '13800000520' },
        groups: [
          { code: 'wh-fn-xz-01', name: '第一居民小组', aliases: ['西站小区'], liaison: { name: '任继东', phone: '13800000521' } },
          { code: 'wh-fn-xz-02', name: '第二居民小组', aliases: ['铁路新村'], liaison: { name: '蔡丽', phone: '13800000522' } },
        ],
      },
      {
        code: 'wh-fn-hj',
        name: '红锦社区',
        aliases: ['红锦小区', '昆师路'],
        liaison: { name: '贾明', phone: '13800000530' },
        groups: [
          { code: 'wh-fn-hj-01', name: '第一居民小组', aliases: ['昆明师专宿舍'], liaison: { name: '丁慧', phone: '13800000531' } },
          { code: 'wh-fn-hj-02', name: '第二居民小组', aliases: ['红锦花园'], liaison: { name: '薛强', phone: '13800000532' } },
        ],
      },
    ],
  },
  {
    code: 'wh-lh',
    name: '莲华街道',
    aliases: ['新闻路', '圆通北路', '北仓坡'],
    liaison: { name: '杨志华', phone: '13800000600', email: 'yangzhihua@demo.invalid' },
    communities: [
      {
        code: 'wh-lh-lhc',
        name: '莲花池社区',
        aliases: ['莲花池', '莲花池公园', '北仓村'],
        liaison: { name: '郭丽', phone: '13800000610' },
        groups: [
          { code: 'wh-lh-lhc-01', name: '第一居民小组', aliases: ['莲花小区'], liaison: { name: '夏文', phone: '13800000611' } },
          { code: 'wh-lh-lhc-02', name: '第二居民小组', aliases: ['莲苑小区'], liaison: { name: '邹建明', phone: '13800000612' } },
        ],
      },
      {
        code: 'wh-lh-xwl',
        name: '新闻路社区',
        aliases: ['新闻里', '云南日报社'],
        liaison: { name: '程海', phone: '13800000620' },
        groups: [
          { code: 'wh-lh-xwl-01', name: '第一居民小组', aliases: ['报社宿舍'], liaison: { name: '于秀梅', phone: '13800000621' } },
          { code: 'wh-lh-xwl-02', name: '第二居民小组', aliases: ['新闻花园'], liaison: { name: '江涛', phone: '13800000622' } },
        ],
      },
      {
        code: 'wh-lh-jc',
        name: '教场社区',
        aliases: ['教场中路', '教场北路', '教场东路'],
        liaison: { name: '袁晓东', phone: '13800000630' },
        groups: [
          { code: 'wh-lh-jc-01', name: '第一居民小组', aliases: ['教场小区'], liaison: { name: '陆红霞', phone: '13800000631' } },
          { code: 'wh-lh-jc-02', name: '第二居民小组', aliases: ['师院宿舍'], liaison: { name: '戴军', phone: '13800000632' } },
        ],
      },
    ],
  },
  {
    code: 'wh-hy',
    name: '红云街道',
    aliases: ['红云路', '北二环', '金鼎山'],
    liaison: { name: '赵国强', phone: '13800000700', email: 'zhaoguoqiang@demo.invalid' },
    communities: [
      {
        code: 'wh-hy-hy',
        name: '红云社区',
        aliases: ['红云小区', '红云花园'],
        liaison: { name: '方静', phone: '13800000710' },
        groups: [
          { code: 'wh-hy-hy-01', name: '第一居民小组', aliases: ['红云新村'], liaison: { name: '石磊', phone: '13800000711' } },
          { code: 'wh-hy-hy-02', name: '第二居民小组', aliases: ['红云农贸市场'], liaison: { name: '熊淑华', phone: '13800000712' } },
        ],
      },
      {
        code: 'wh-hy-wqy',
        name: '王旗营社区',
        aliases: ['王旗营', '王旗营立交'],
        liaison: { name: '金秀云', phone: '13800000720' },
        groups: [
          { code: 'wh-hy-wqy-01', name: '第一居民小组', aliases: ['王旗营小区'], liaison: { name: '廖勇', phone: '13800000721' } },
          { code: 'wh-hy-wqy-02', name: '第二居民小组', aliases: ['王旗营菜市场'], liaison: { name: '傅丽琼', phone: '13800000722' } },
        ],
      },
      {
        code: 'wh-hy-hs',
        name: '虹山社区',
        aliases: ['虹山', '虹山北路', '虹山南路'],
        liaison: { name: '尹红', phone: '13800000730' },
        groups: [
          { code: 'wh-hy-hs-01', name: '第一居民小组', aliases: ['虹山新村'], liaison: { name: '邱志华', phone: '13800000731' } },
          { code: 'wh-hy-hs-02', name: '第二居民小组', aliases: ['虹山小区'], liaison: { name: '汤玉兰', phone: '13800000732' } },
        ],
      },
    ],
  },
  {
    code: 'wh-hlp',
    name: '黑林铺街道',
    aliases: ['昆沙路', '滇缅大道', '海源北路'],
    liaison: { name: '孙伟', phone: '13800000800', email: 'sunwei@demo.invalid' },
    communities: [
      {
        code: 'wh-hlp-hlp',
        name: '黑林铺社区',
        aliases: ['黑林铺', '黑林铺立交', '黑林铺农贸市场'],
        liaison: { name: '毛建华', phone: '13800000810' },
        groups: [
          { code: 'wh-hlp-hlp-01', name: '第一居民小组', aliases: ['黑林铺老街'], liaison: { name: '段丽萍', phone: '13800000811' } },
          { code: 'wh-hlp-hlp-02', name: '第二居民小组', aliases: ['黑林铺新村'], liaison: { name: '雷红', phone: '13800000812' } },
        ],
      },
      {
        code: 'wh-hlp-cjb',
        name: '车家壁社区',
        aliases: ['车家壁', '车家壁立交'],
        liaison: { name: '龙建国', phone: '13800000820' },
        groups: [
          { code: 'wh-hlp-cjb-01', name: '第一居民小组', aliases: ['车家壁小区'], liaison: { name: '史秀华', phone: '13800000821' } },
          { code: 'wh-hlp-cjb-02', name: '第二居民小组', aliases: ['车家壁村'], liaison: { name: '万俊', phone: '13800000822' } },
        ],
      },
      {
        code: 'wh-hlp-ms',
        name: '眠山社区',
        aliases: ['眠山', '眠山公园'],
        liaison: { name: '顾小平', phone: '13800000830' },
        groups: [
          { code: 'wh-hlp-ms-01', name: '第一居民小组', aliases: ['眠山小区'], liaison: { name: '侯丽娟', phone: '13800000831' } },
          { code: 'wh-hlp-ms-02', name: '第二居民小组', aliases: ['眠山新村'], liaison: { name: '邵斌', phone: '13800000832' } },
        ],
      },
    ],
  },
  {
    code: 'wh-pj',
    name: '普吉街道',
    aliases: ['普吉路', '二环西路', '王筇路'],
    liaison: { name: '黄丽华', phone: '13800000900', email: 'huanglihua@demo.invalid' },
    communities: [
      {
        code: 'wh-pj-pj',
        name: '普吉社区',
        aliases: ['普吉村', '普吉农贸市场'],
        liaison: { name: '孟凡', phone: '13800000910' },
        groups: [
          { code: 'wh-pj-pj-01', name: '第一居民小组', aliases: ['普吉小区'], liaison: { name: '黎秀英', phone: '13800000911' } },
          { code: 'wh-pj-pj-02', name: '第二居民小组', aliases: ['普吉新村'], liaison: { name: '常建', phone: '13800000912' } },
        ],
      },
      {
        code: 'wh-pj-wjq',
        name: '王家桥社区',
        aliases: ['王家桥', '王家桥立交'],
        liaison: { name: '武志刚', phone: '13800000920' },
        groups: [
          { code: 'wh-pj-wjq-01', name: '第一居民小组', aliases: ['王家桥小区'], liaison: { name: '乔丽', phone: '13800000921' } },
          { code: 'wh-pj-wjq-02', name: '第二居民小组', aliases: ['王家桥新村'], liaison: { name: '康健', phone: '13800000922' } },
        ],
      },
      {
        code: 'wh-pj-cjy',
        name: '陈家营社区',
        aliases: ['陈家营', '陈家营村'],
        liaison: { name: '严红梅', phone: '13800000930' },
        groups: [
          { code: 'wh-pj-cjy-01', name: '第一居民小组', aliases: ['陈家营小区'], liaison: { name: '覃明', phone: '13800000931' } },
          { code: 'wh-pj-cjy-02', name: '第二居民小组', aliases: ['陈家营新村'], liaison: { name: '季秀兰', phone: '13800000932' } },
        ],
      },
    ],
  },
  {
    // Rural: the former 沙朗乡 and 厂口乡; old addresses still use the township names.
    code: 'wh-xz',
    name: '西翥街道',
    aliases: ['西翥', '沙朗乡', '厂口乡'],
    liaison: { name: '杨春', phone: '13800001000', email: 'yangchun@demo.invalid' },
    communities: [
      {
        code: 'wh-xz-sl',
        name: '沙朗社区',
        aliases: ['沙朗', '沙朗村', '桃园村'],
        liaison: { name: '字建平', phone: '13800001010' },
        groups: [
          { code: 'wh-xz-sl-01', name: '第一居民小组', aliases: ['沙朗大村'], liaison: { name: '杨金花', phone: '13800001011' } },
          { code: 'wh-xz-sl-02', name: '第二居民小组', aliases: ['沙朗小村'], liaison: { name: '段正明', phone: '13800001012' } },
        ],
      },
      {
        code: 'wh-xz-ck',
        name: '厂口社区',
        aliases: ['厂口', '厂口村', '厂口集镇'],
        liaison: { name: '李绍华', phone: '13800001020' },
        groups: [
          { code: 'wh-xz-ck-01', name: '第一居民小组', aliases: ['厂口老街'], liaison: { name: '普志刚', phone: '13800001021' } },
          { code: 'wh-xz-ck-02', name: '第二居民小组', aliases: ['厂口新村'], liaison: { name: '王丽芬', phone: '13800001022' } },
        ],
      },
    ],
  },
];
