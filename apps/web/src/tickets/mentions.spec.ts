import { insertMention, mentionedIds, splitMentions } from './mentions';

const people = [
  { id: 'u1', name: 'سارة' },
  { id: 'u2', name: 'سارة القحطاني' },
  { id: 'u3', name: 'Khalid' },
];

describe('@mentions in notes', () => {
  it('highlights the longest known name after an @, in Arabic and English', () => {
    expect(splitMentions('راجعي هذا @سارة القحطاني، شكرًا و @Khalid.', people)).toEqual([
      { text: 'راجعي هذا ' },
      { text: '@سارة القحطاني', userId: 'u2' },
      { text: '، شكرًا و ' },
      { text: '@Khalid', userId: 'u3' },
      { text: '.' },
    ]);
    expect(splitMentions('@سارة وحدها', people)).toEqual([{ text: '@سارة', userId: 'u1' }, { text: ' وحدها' }]);
  });

  it('leaves unknown names, e-mail addresses and partial words alone', () => {
    expect(splitMentions('@مجهول و a@b.com و @Khalidah', people)).toEqual([{ text: '@مجهول و a@b.com و @Khalidah' }]);
    expect(mentionedIds('@Khalid @Khalid @سارة', people)).toEqual(['u3', 'u1']);
  });

  it('inserts a mention at the caret, replacing what was typed after the @', () => {
    expect(insertMention('شكرًا @سا', 9, 'سارة القحطاني')).toEqual({ text: 'شكرًا @سارة القحطاني ', caret: 21 });
    expect(insertMention('abc', 3, 'Khalid')).toEqual({ text: 'abc @Khalid ', caret: 12 });
    expect(insertMention('', 0, 'Khalid')).toEqual({ text: '@Khalid ', caret: 8 });
  });
});
