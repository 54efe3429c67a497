/**
 * The demo 党建知识 library (issue 8): items published by the 党委 to the whole hospital, in the five seed
 * categories, newest first as listed; articles in the limited rich text of shared/study/rich-text.ts.
 */

/** `## ` → a heading, `**…**` → bold, anything else → a paragraph. */
export function article(...blocks: string[]): string {
  return blocks
    .map((block) => {
      const html = block.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
      return html.startsWith('## ') ? `<h2>${html.slice(3)}</h2>` : `<p>${html}</p>`;
    })
    .join('');
}

export interface LibraryItem {
  readonly id: string;
  readonly title: string;
  readonly category: 'theory' | 'rules' | 'ethics' | 'models' | 'current';
  readonly kind: 'article' | 'video';
  readonly minMinutes: number;
  readonly body?: string;
  readonly videoUrl?: string;
}

export const HOSPITAL_LIBRARY: readonly LibraryItem[] = [
  {
    id: 'study-hospital-01',
    title: '深入开展党纪学习教育：学条例、守党纪',
    category: 'current',
    kind: 'article',
    minMinutes: 10,
    body: article(
      '## 学习目标',
      '以学习《中国共产党纪律处分条例》为重点，引导党员干部**学纪、知纪、明纪、守纪**，把纪律要求内化于心、外化于行。',
      '## 医院落实要点',
      '各党支部结合“三会一课”和主题党日逐章学习条例，组织观看警示教育片，开展以案说纪；支部书记带头讲纪律党课。',
      '## 党员自查',
      '对照六项纪律逐条查找自身不足，重点检查是否存在收受“红包”回扣、违规兼职、作风不实等问题，做到立行立改。',
    ),
  },
  {
    id: 'study-hospital-02',
    title: '推动公立医院高质量发展：我们怎么做',
    category: 'current',
    kind: 'article',
    minMinutes: 8,
    body: article(
      '## 政策背景',
      '国务院办公厅印发《关于推动公立医院高质量发展的意见》，提出构建新体系、引领新趋势、提升新效能、激活新动力、建设新文化，**坚持和加强党对公立医院的全面领导**。',
      '## 对临床科室的要求',
      '以患者为中心优化诊疗流程，推进多学科诊疗和日间手术，控制不合理医疗费用，持续改进医疗质量与安全。',
      '## 党员的责任',
      '党员医务人员要在重点专科建设、科研攻关和改善就医体验中当先锋、作表率。',
    ),
  },
  {
    id: 'study-hospital-03',
    title: '健康中国行动：十五项专项行动要点',
    category: 'current',
    kind: 'article',
    minMinutes: 6,
    body: article(
      '## 总体要求',
      '健康中国行动围绕疾病预防和健康促进，实施健康知识普及、合理膳食、全民健身、控烟、心理健康促进等**十五项专项行动**。',
      '## 医院能做什么',
      '门诊开展健康宣教，病房做好出院随访与慢病管理，党员志愿者走进社区开展义诊和健康讲座。',
    ),
  },
  {
    id: 'study-hospital-04',
    title: '身边的榜样：急诊科党员先锋岗的一天',
    category: 'models',
    kind: 'article',
    minMinutes: 5,
    body: article(
      '## 凌晨两点的抢救室',
      '一名心跳骤停的患者被送到急诊。党员先锋岗的医生护士迅速分工：胸外按压、气管插管、除颤——**二十分钟后，患者恢复自主心跳**。',
      '## 平凡岗位上的坚守',
      '急诊科党支部设立党员先锋岗，党员带头值守节假日夜班、承担突发事件医疗救援任务。',
      '## 学习体会',
      '榜样就在身边。每一次及时的抢救，都是“人民至上、生命至上”的生动实践。',
    ),
  },
  {
    id: 'study-hospital-05',
    title: '钟南山：敢医敢言的“共和国勋章”获得者',
    category: 'models',
    kind: 'article',
    minMinutes: 6,
    body: article(
      '## 两次逆行',
      '2003 年抗击非典，他主动请缨收治危重病人；2020 年抗击新冠肺炎疫情，他再次奔赴一线，为科学防控提供重要依据。',
      '## 国家荣誉',
      '2020 年，钟南山被授予**“共和国勋章”**。',
      '## 学习体会',
      '医者的担当，是在关键时刻说真话、做实事，把人民群众的生命安全放在第一位。',
    ),
  },
  {
    id: 'study-hospital-06',
    title: '林巧稚：万婴之母，医者仁心',
    category: 'models',
    kind: 'article',
    minMinutes: 6,
    body: article(
      '## 生平',
      '林巧稚是我国妇产科学的主要开拓者和奠基人之一，长期在北京协和医院工作，一生亲自接生了**五万多名婴儿**。',
      '## 医德风范',
      '她对待每一位产妇，不论贫富，一视同仁，常常守在产床旁直到母婴平安。',
      '## 学习体会',
      '以病人为中心不是一句口号，而是一次次耐心的问诊和一个个不眠的夜晚。',
    ),
  },
  {
    id: 'study-hospital-07',
    title: '视频：医德医风警示教育片',
    category: 'ethics',
    kind: 'video',
    minMinutes: 15,
    videoUrl: 'https://tv.12371.cn/',
    body: article('观看警示教育片，以案为鉴、以案促改，筑牢拒收“红包”回扣的思想防线。'),
  },
  {
    id: 'study-hospital-08',
    title: '医患沟通中的人文关怀',
    category: 'ethics',
    kind: 'article',
    minMinutes: 5,
    body: article(
      '## 先听，再说',
      '问诊时让患者把话说完，用通俗的语言解释病情和治疗方案，**不用冷冰冰的术语打发患者**。',
      '## 尊重与保护',
      '查体时注意遮挡，不在公共场合谈论患者病情，尊重患者的知情权和选择权。',
      '## 党员带头',
      '党员医务人员要把“一切为了病人”落实到每一次沟通中，做群众信得过的好医生、好护士。',
    ),
  },
  {
    id: 'study-hospital-09',
    title: '《医疗机构工作人员廉洁从业九项准则》解读',
    category: 'ethics',
    kind: 'article',
    minMinutes: 12,
    body: article(
      '## 九项准则',
      '合法按劳取酬，不接受商业提成；严守诚信原则，不参与欺诈骗保；依据规范行医，不实施过度诊疗。',
      '遵守工作规程，不违规接受捐赠；恪守保密准则，不泄露患者隐私；服从诊疗需要，不牟利转介患者。',
      '维护诊疗秩序，不破坏就医公平；共建和谐关系，不收受患方“红包”；恪守交往底线，不收受企业回扣。',
      '## 对照检查',
      '每一名党员要**逐条对照、主动自查**，发现问题及时向支部报告并整改。',
    ),
  },
  {
    id: 'study-hospital-10',
    title: '《中国共产党支部工作条例（试行）》：三会一课',
    category: 'rules',
    kind: 'article',
    minMinutes: 8,
    body: article(
      '## 什么是“三会一课”',
      '“三会”是支部党员大会、支部委员会会议和党小组会，“一课”是党课，是党的组织生活的基本制度。',
      '## 频次要求',
      '支部党员大会一般每季度召开一次，支部委员会会议一般每月召开一次，党小组会一般每月召开一次，**党课按规定定期讲授**。',
      '## 主题党日',
      '党支部每月相对固定一天开展主题党日，组织党员集中学习、过组织生活、进行民主议事和志愿服务。',
    ),
  },
  {
    id: 'study-hospital-11',
    title: '《中国共产党纪律处分条例》：六项纪律',
    category: 'rules',
    kind: 'article',
    minMinutes: 10,
    body: article(
      '## 六项纪律',
      '**政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律**，是每一名党员必须遵守的行为规范。',
      '## 廉洁纪律与医疗行业',
      '医疗卫生行业是廉洁风险较高的领域。药品耗材采购、设备招标、绩效分配等环节，都要严格按制度办事。',
      '## 学习要求',
      '知敬畏、存戒惧、守底线，把纪律规矩刻印在心上。',
    ),
  },
  {
    id: 'study-hospital-12',
    title: '《中国共产党章程》：党员的义务和权利',
    category: 'rules',
    kind: 'article',
    minMinutes: 10,
    body: article(
      '## 党员的义务',
      '党章规定了党员必须履行的八项义务，包括认真学习党的理论、贯彻执行党的路线方针政策、坚持党和人民的利益高于一切、自觉遵守党的纪律等。',
      '## 党员的权利',
      '党员享有参加党的有关会议、在党的会议上参加讨论、对党的工作提出建议、行使表决权选举权和被选举权等权利。',
      '## 学习要求',
      '**义务和权利是统一的**。党员要按期交纳党费、按时参加组织生活，在本职岗位上发挥先锋模范作用。',
    ),
  },
  {
    id: 'study-hospital-13',
    title: '视频：理论微课——新时代党的建设总要求',
    category: 'theory',
    kind: 'video',
    minMinutes: 10,
    videoUrl: 'https://www.xuexi.cn/',
    body: article('理论微课，约十分钟。观看后请结合本职工作写一段学习体会。'),
  },
  {
    id: 'study-hospital-14',
    title: '党的二十大报告学习：推进健康中国建设',
    category: 'theory',
    kind: 'article',
    minMinutes: 10,
    body: article(
      '## 核心要义',
      '人民健康是民族昌盛和国家强盛的重要标志。要**把保障人民健康放在优先发展的战略位置**，完善人民健康促进政策。',
      '## 重点任务',
      '深化医药卫生体制改革，促进医保、医疗、医药协同发展和治理；促进优质医疗资源扩容和区域均衡布局；坚持预防为主。',
      '## 联系实际',
      '结合科室工作，想一想：我们在改善患者就医体验、提升医疗质量方面还能做些什么？',
    ),
  },
  {
    id: 'study-hospital-15',
    title: '学习习近平新时代中国特色社会主义思想：为人民服务',
    category: 'theory',
    kind: 'article',
    minMinutes: 12,
    body: article(
      '## 坚持以人民为中心',
      '全心全意为人民服务是党的根本宗旨。对医务工作者来说，就是**把人民群众的生命安全和身体健康放在第一位**。',
      '## 学思践悟',
      '读原著、学原文、悟原理，把理论学习同解决患者“急难愁盼”问题结合起来。',
      '## 支部学习建议',
      '每月围绕一个专题开展集中学习，党员轮流领学，交流心得体会。',
    ),
  },
];
