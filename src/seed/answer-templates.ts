/** The demo's answer templates; an admin's edits to them are kept (inserted only when the shortcode is new). */
import type { Queryable } from '../store/db.js';

const DEMO_TEMPLATES = [
  {
    shortcode: 'received',
    title: '已受理',
    body: '您反映的问题（案件编号{caseNo}）已由{zone}受理，属于「{category}」类，我们将在{deadline}前给您答复。',
    categoryCode: null,
  },
  {
    shortcode: 'in_progress',
    title: '正在办理',
    body: '您的案件{caseNo}正在办理中，{zone}民情联络员已与相关部门联系，办理期限为{deadline}，有进展会第一时间告知您。',
    categoryCode: null,
  },
  {
    shortcode: 'repair_sent',
    title: '已派人维修',
    body: '您反映的市政设施问题（案件编号{caseNo}）已派维修人员前往现场处理，预计{deadline}前完成，感谢您的监督。',
    categoryCode: 'infrastructure',
  },
] as const;

export async function seedAnswerTemplates(tx: Queryable): Promise<number> {
  const { rowCount } = await tx.query(
    `INSERT INTO answer_template (shortcode, title, body, category_code)
     SELECT t.shortcode, t.title, t.body, t."categoryCode" FROM jsonb_to_recordset($1::jsonb) AS t(shortcode text, title text, body text, "categoryCode" text)
     ON CONFLICT (shortcode) DO NOTHING`,
    [JSON.stringify(DEMO_TEMPLATES)],
  );
  return rowCount ?? 0;
}
