"""The 500 most frequent hanzi of Chinese news, most frequent first: the characters of MSRA train
(``../shared/data/msra/train_variant.bio``, People's Daily text, 2.2 M characters) counted one by one. They
cover 78 % of the hanzi of that corpus and of MSRA test, and 79-82 % of each seed article; Korean EUC-KR text
read as GB18030 (its Hangul rows are GB2312's first-level hanzi, in pinyin order) comes out as hanzi of which
about 5 % are among them. ``storage.formats.decoding`` tells the two apart by this share. Pure data."""

FREQUENT_HANZI = frozenset(
    ""
    "的国一在中了是人和有大不年为会这上发个地业作学出家日行以对生要到来经多成工时们他部进我市民于本全理政"
    "新下主长实展方现开队公动同分后就法美产场高力能自说与重前关者月加用员过合天济报建化小而也等得面将之定"
    "机事文制体科利区社可从平度问北心两代次表好种今世里内外其电总题子赛保元提比务当最还都所教入名系明金资"
    "特西起着界术位第已组目党各企此些意万使强品设十斯技论由立正委南并间道基际因记通三如议京活向农决球水亚"
    "任然领但司军联导去性及点海统解期改书应门近府战安华研程情相量结先持认达东共局无干交育院治增受手求计把"
    "团信办物举管二克想原义据山取拉观少村果被更看尔收没职集只调路革女风常参处深质广转专接选式至巴究几知识"
    "车数又创省指样首流形很思老步规非造难史放她运马历项城件商气见变那口给传别投支洲真身头费织精示话四服校"
    "做格每影反级己施五该众才江德打标印再张争纪条布欧协势推县回志环视感融约雨色罗青林它访价率神构百台单乡"
    "证效岗习必图失确境列采权足续谈极根具仅儿走需望营整尼准许族带查积群命防士益云备空周武则优或核完象银助"
    "告验严直响供类况州清始易引责策消息副连兴险护片艺亿线坚划米央双素花考光何获河越席王港较友评段么律英边"
)
