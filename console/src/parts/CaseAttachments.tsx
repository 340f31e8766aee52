/** The case's files: pictures shown inline, anything else offered as a download (the API serves them that way). */
import { Image, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { attachmentUrl } from '../api/calls';
import type { CaseDetail } from '../api/types';
import { useI18n } from '../i18n';

const IMAGE = /^image\/(png|jpeg|gif|webp)$/;

export function CaseAttachments({ attachments }: { attachments: NonNullable<CaseDetail['attachments']> }) {
  const { t } = useI18n();
  if (attachments.length === 0) return null;
  return (
    <section aria-labelledby="attachments-title">
      <Typography.Title level={2} id="attachments-title" className="section-title">
        {t('attachments')}
      </Typography.Title>
      <ul className="attachments">
        {attachments.map((a, i) => {
          // A file kept without its own name is named by its place, not by the stored id.
          const name = a.filename && a.filename !== a.id ? a.filename : `${t('attachments')} ${i + 1}`;
          return (
            <li key={a.id}>
              {IMAGE.test(a.contentType) ? (
                <Image src={attachmentUrl(a.id)} alt={name} width={160} />
              ) : (
                <a href={attachmentUrl(a.id)} download={name}>
                  <PaperClipOutlined aria-hidden /> {name} {a.size ? `(${Math.ceil(a.size / 1024)} KB)` : ''}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
