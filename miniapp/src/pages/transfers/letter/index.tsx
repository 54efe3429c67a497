import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { formatShanghai } from '../../../../../shared/time';
import { LETTER_READERS } from '../../../../../shared/transfers/access';
import { transfersApi } from '../../../api/transfers';
import { remoteStatus, StatusView } from '../../../components/status-view';
import { queryValue } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { STATE_LABELS } from '../components/labels';
import { TransferPage } from '../components/transfer-page';
import { LetterTools } from './tools';
import '../components/transfers.scss';
import './index.scss';

type Letter = Awaited<ReturnType<typeof transfersApi.letter>>['letter'];

/**
 * 介绍信 (?id=): the letter as printed — title centred, number, addressee, body, validity, signature and date,
 * paragraph by paragraph as the server words it (the PDF prints the same) — then 打印 / 下载PDF, and its validity,
 * 党费交至 and any override the committee recorded.
 */
export default function TransferLetterPage() {
  const id = queryValue(useRouter().params.id);
  const letter = useRemote(() => transfersApi.letter(id));
  const data = letter.data?.letter;
  return (
    <TransferPage className="transfer-letter" roles={LETTER_READERS}>
      <StatusView {...remoteStatus(letter)}>
        {data ? (
          <>
            <Paper letter={data} />
            <LetterTools transferId={data.transferId} number={data.number} />
            <Facts letter={data} />
          </>
        ) : null}
      </StatusView>
    </TransferPage>
  );
}

/** The paragraphs in the printed order: title, number, addressee, body…, signature, date. */
function Paper({ letter }: { letter: Letter }) {
  const [title, number, ...rest] = letter.paragraphs;
  const date = rest.length >= 2 ? rest[rest.length - 1] : undefined;
  const signature = rest.length >= 2 ? rest[rest.length - 2] : undefined;
  const body = rest.length >= 2 ? rest.slice(0, -2) : rest;
  return (
    <View className="letter-paper">
      <Text className="letter-title">{title}</Text>
      <Text className="letter-number">{number}</Text>
      {body.map((paragraph) => (
        <Text key={paragraph} className={`letter-text prose${paragraph.endsWith('：') ? ' letter-text--to' : ''}`}>
          {paragraph}
        </Text>
      ))}
      {signature ? <Text className="letter-sign letter-sign--first">{signature}</Text> : null}
      {date ? <Text className="letter-sign">{date}</Text> : null}
    </View>
  );
}

function Facts({ letter }: { letter: Letter }) {
  return (
    <View className="card letter-facts">
      <View className="transfer-line">
        <Text className="transfer-line-label">有效期至</Text>
        <Text className="transfer-line-value">
          {formatShanghai(letter.validUntil, 'YYYY年M月D日')}（{letter.validityDays} 天）
        </Text>
      </View>
      <View className="transfer-line">
        <Text className="transfer-line-label">党费交至</Text>
        <Text className="transfer-line-value">{letter.duesPaidThroughText}</Text>
      </View>
      <View className="transfer-line">
        <Text className="transfer-line-label">状态</Text>
        <Text className="transfer-line-value">{STATE_LABELS[letter.state]}</Text>
      </View>
      {letter.receipt ? (
        <View className="transfer-line">
          <Text className="transfer-line-label">回执</Text>
          <Text className="transfer-line-value">
            {letter.receipt.receivedBy}，{formatShanghai(letter.receipt.receivedAt, 'YYYY年M月D日')}收到
          </Text>
        </View>
      ) : null}
      {letter.duesOverride ? (
        <Text className="letter-override prose">
          党费未交至转出当月，经党委同意仍开具（{letter.duesOverride.byName}，
          {formatShanghai(letter.duesOverride.at, 'M月D日')}）：{letter.duesOverride.reason}
        </Text>
      ) : null}
    </View>
  );
}
