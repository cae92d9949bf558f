/** Words that say nothing about which article fits. "not" stays out too: "cannot connect" and "can connect" find the same articles. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been being but by can could did do does doing for from had has have having he her his how i if in into is it its ' +
    'me my of on or our she so such than that the their them then there these they this those to too us was we were what when where which while ' +
    'who whom why will with would you your yours also just only own same very s t d ll m re ve y o get got gets getting im ive youre dont doesnt ' +
    'didnt isnt wasnt arent werent cant cannot couldnt wont wouldnt shouldnt hasnt havent hadnt not no any all some'
  ).split(' '),
);
