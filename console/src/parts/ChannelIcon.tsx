/** Which way a case came in, as an icon with its name for screen readers and on hover. */
import { Tooltip } from 'antd';
import {
  GlobalOutlined,
  IdcardOutlined,
  MailOutlined,
  MessageOutlined,
  PhoneOutlined,
  SendOutlined,
  WechatOutlined,
  QuestionOutlined,
} from '@ant-design/icons';
import { labelOf, useI18n } from '../i18n';

const ICONS: Record<string, typeof GlobalOutlined> = {
  web: GlobalOutlined,
  card: IdcardOutlined,
  sms: MessageOutlined,
  voice: PhoneOutlined,
  telegram: SendOutlined,
  wechat: WechatOutlined,
  email: MailOutlined,
};

export function ChannelIcon({ channel, withText = false }: { channel: string; withText?: boolean }) {
  const { t } = useI18n();
  const Icon = ICONS[channel] ?? QuestionOutlined;
  const name = labelOf(t, 'channel', channel);
  return (
    <Tooltip title={name}>
      <span className="channel" data-channel={channel}>
        <Icon aria-hidden />
        {withText ? <span> {name}</span> : <span className="visually-hidden">{name}</span>}
      </span>
    </Tooltip>
  );
}
