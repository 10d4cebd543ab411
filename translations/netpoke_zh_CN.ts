<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Addresses</name>
    <message>
        <source>0.0.0.0 (all IPv4 addresses)</source>
        <translation>0.0.0.0（本机所有 IPv4 地址）</translation>
    </message>
    <message>
        <source>:: (all IPv4 and IPv6 addresses)</source>
        <translation>::（本机所有 IPv4 和 IPv6 地址）</translation>
    </message>
</context>
<context>
    <name>CliMain</name>
    <message>
        <source>NetPoke command line: network debugging without a window.</source>
        <translation>NetPoke 命令行：无需窗口的网络调试。</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Run "netpoke-cli COMMAND --help" for the options of a command.</source>
        <translation>运行“netpoke-cli 命令 --help”查看该命令的选项。</translation>
    </message>
    <message>
        <source>The command to run (see above).</source>
        <translation>要运行的命令（见上文）。</translation>
    </message>
    <message>
        <source>(see --help)</source>
        <translation>（见 --help）</translation>
    </message>
    <message>
        <source>no command given; run "netpoke-cli --help" for the list.</source>
        <translation>没有给出命令；运行“netpoke-cli --help”查看命令列表。</translation>
    </message>
    <message>
        <source>unknown command "%1"; run "netpoke-cli --help" for the list.</source>
        <translation>未知命令“%1”；运行“netpoke-cli --help”查看命令列表。</translation>
    </message>
</context>
<context>
    <name>HostPort</name>
    <message>
        <source>Enter a port number (%1-65535).</source>
        <translation>请输入端口号（%1-65535）。</translation>
    </message>
    <message>
        <source>"%1" is not a valid port: use a number from %2 to 65535.</source>
        <translation>“%1”不是有效的端口：请使用 %2 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>"%1": write an IPv6 address with its port as [ADDRESS]:PORT, e.g. [::1]:9000.</source>
        <translation>“%1”：IPv6 地址加端口请写成 [地址]:端口，例如 [::1]:9000。</translation>
    </message>
    <message>
        <source>"%1": put an IPv6 address in brackets, e.g. [::1]:9000.</source>
        <translation>“%1”：IPv6 地址请放在方括号中，例如 [::1]:9000。</translation>
    </message>
    <message>
        <source>"%1": give a host and a port, e.g. 127.0.0.1:9000.</source>
        <translation>“%1”：请给出主机和端口，例如 127.0.0.1:9000。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>NetPoke</source>
        <translation>NetPoke 网络调试助手</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Save log…</source>
        <translation>保存日志(&amp;S)…</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Ctrl++</source>
        <translation>Ctrl++</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Ctrl+-</source>
        <translation>Ctrl+-</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>恢复原始大小(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;About NetPoke</source>
        <translation>关于 NetPoke(&amp;A)</translation>
    </message>
</context>
<context>
    <name>NetPoke::MainWindow</name>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>This machine: no network address except loopback (127.0.0.1, ::1)</source>
        <translation>本机：除回环地址（127.0.0.1、::1）外没有网络地址</translation>
    </message>
    <message>
        <source>This machine: %1</source>
        <translation>本机地址：%1</translation>
    </message>
    <message>
        <source>About NetPoke</source>
        <translation>关于 NetPoke</translation>
    </message>
    <message>
        <source>&lt;h3&gt;NetPoke %1&lt;/h3&gt;&lt;p&gt;A network debugging assistant: UDP in UTF-8, GB2312, GBK, GB18030, Big5, Latin-1 or hex.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;NetPoke %1&lt;/h3&gt;&lt;p&gt;网络调试助手：以 UTF-8、GB2312、GBK、GB18030、Big5、Latin-1 或十六进制收发 UDP。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NetPoke::PacketLogModel</name>
    <message>
        <source>RX</source>
        <translation>收</translation>
    </message>
    <message>
        <source>TX</source>
        <translation>发</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对方</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>NetPoke::UdpEndpoint</name>
    <message>
        <source>Port %1 is already in use by another program (%2). Close that program, choose another port, or enter 0 to let the system choose.</source>
        <translation>端口 %1 已被其他程序占用（%2）。请关闭那个程序、换一个端口，或填 0 让系统自动选择。</translation>
    </message>
    <message>
        <source>Ports below 1024 need administrator rights. Choose a port from 1024 to 65535, or 0 to let the system choose.</source>
        <translation>1024 以下的端口需要管理员权限。请选择 1024 到 65535 之间的端口，或填 0 让系统自动选择。</translation>
    </message>
    <message>
        <source>The system refused to open %1: %2</source>
        <translation>系统拒绝打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not an address of this machine. Choose one from the list, or 0.0.0.0 to listen on all of them.</source>
        <translation>%1 不是本机的地址。请从列表中选择，或用 0.0.0.0 在所有地址上监听。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>No destination address.</source>
        <translation>没有目标地址。</translation>
    </message>
    <message>
        <source>Port 0 cannot be a destination: enter the port the other side listens on.</source>
        <translation>端口 0 不能作为目标：请填写对方监听的端口。</translation>
    </message>
    <message>
        <source>%1 bytes do not fit in one UDP datagram: the limit is %2 bytes over %3.</source>
        <translation>%1 字节放不进一个 UDP 数据报：%3 下最多 %2 字节。</translation>
    </message>
    <message>
        <source>%1 looks like a broadcast address: turn on Broadcast to send to it.</source>
        <translation>%1 看起来是广播地址：请勾选“广播”后再发送。</translation>
    </message>
    <message>
        <source>The datagram is too large for the path to %1.</source>
        <translation>数据报太大，无法发往 %1。</translation>
    </message>
    <message>
        <source>This socket is bound to an IPv4 address and cannot send to the IPv6 address %1. Bind to :: or an IPv6 address.</source>
        <translation>此套接字绑定的是 IPv4 地址，不能发往 IPv6 地址 %1。请绑定 :: 或一个 IPv6 地址。</translation>
    </message>
    <message>
        <source>This socket is bound to an IPv6 address and cannot send to the IPv4 address %1. Bind to 0.0.0.0 or an IPv4 address.</source>
        <translation>此套接字绑定的是 IPv6 地址，不能发往 IPv4 地址 %1。请绑定 0.0.0.0 或一个 IPv4 地址。</translation>
    </message>
    <message>
        <source>Sending to %1 failed: %2</source>
        <translation>发送到 %1 失败：%2</translation>
    </message>
    <message>
        <source>Enter the address or name of the host to send to.</source>
        <translation>请输入要发送到的主机地址或名称。</translation>
    </message>
    <message>
        <source>Cannot find the host "%1": %2</source>
        <translation>找不到主机“%1”：%2</translation>
    </message>
    <message>
        <source>%1 is not a multicast group (IPv4 224.0.0.0-239.255.255.255, IPv6 ff00::/8).</source>
        <translation>%1 不是组播地址（IPv4 224.0.0.0-239.255.255.255，IPv6 ff00::/8）。</translation>
    </message>
    <message>
        <source>Cannot join the multicast group %1: %2</source>
        <translation>无法加入组播组 %1：%2</translation>
    </message>
    <message>
        <source>Cannot leave the multicast group %1: %2</source>
        <translation>无法退出组播组 %1：%2</translation>
    </message>
</context>
<context>
    <name>NetPoke::UdpPanel</name>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>The address to receive on. 0.0.0.0 receives on every IPv4 address of this machine.</source>
        <translation>接收数据的地址。0.0.0.0 表示在本机所有 IPv4 地址上接收。</translation>
    </message>
    <message>
        <source>0 lets the system choose a free port.</source>
        <translation>0 表示由系统选择一个空闲端口。</translation>
    </message>
    <message>
        <source>Share address</source>
        <translation>共享地址</translation>
    </message>
    <message>
        <source>Allow other programs to bind the same port (needed for multicast).</source>
        <translation>允许其他程序绑定同一端口（组播需要）。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>远程</translation>
    </message>
    <message>
        <source>IPv4, IPv6 or host name</source>
        <translation>IPv4、IPv6 地址或主机名</translation>
    </message>
    <message>
        <source>Reply to last sender</source>
        <translation>回复最后的发送方</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>广播</translation>
    </message>
    <message>
        <source>Allow sending to broadcast addresses such as 255.255.255.255 (SO_BROADCAST).</source>
        <translation>允许发送到 255.255.255.255 等广播地址（SO_BROADCAST）。</translation>
    </message>
    <message>
        <source>e.g. 239.255.43.21 or ff12::4321</source>
        <translation>例如 239.255.43.21 或 ff12::4321</translation>
    </message>
    <message>
        <source>Default interface</source>
        <translation>默认网卡</translation>
    </message>
    <message>
        <source>TTL </source>
        <translation>TTL </translation>
    </message>
    <message>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Multicast</source>
        <translation>组播</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Used for the text you send and for showing what is received. Chinese classroom scripts usually use GB2312.</source>
        <translation>用于发送的文字和显示收到的内容。课堂上的中文脚本通常使用 GB2312。</translation>
    </message>
    <message>
        <source>Escapes</source>
        <translation>转义符</translation>
    </message>
    <message>
        <source>Understand \r \n \t \\ \0 and \xHH in the text.</source>
        <translation>识别文字中的 \r \n \t \\ \0 和 \xHH。</translation>
    </message>
    <message>
        <source>No line end</source>
        <translation>无换行</translation>
    </message>
    <message>
        <source>LF</source>
        <translation>LF</translation>
    </message>
    <message>
        <source>CR LF</source>
        <translation>CR LF</translation>
    </message>
    <message>
        <source>Text to send (Ctrl+Enter sends)</source>
        <translation>要发送的文字（Ctrl+Enter 发送）</translation>
    </message>
    <message>
        <source>Recent sends…</source>
        <translation>最近发送…</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>发送（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Send file…</source>
        <translation>发送文件…</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>每隔</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Hex bytes, e.g. C4 E3 BA C3 or 0x01,0x02 (Ctrl+Enter sends)</source>
        <translation>十六进制字节，例如 C4 E3 BA C3 或 0x01,0x02（Ctrl+Enter 发送）</translation>
    </message>
    <message>
        <source>Text + Hex</source>
        <translation>文本 + 十六进制</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停显示</translation>
    </message>
    <message>
        <source>Auto-scroll</source>
        <translation>自动滚动</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Reset counters</source>
        <translation>计数清零</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>"%1" is not an IP address. Choose one from the list.</source>
        <translation>“%1”不是 IP 地址。请从列表中选择。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Open on %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Closed. Sending opens a port chosen by the system.</source>
        <translation>未打开。发送时会自动打开一个系统选择的端口。</translation>
    </message>
    <message>
        <source>RX %1 packets, %2 (%3/s, %4/s)</source>
        <translation>接收 %1 个包，%2（%3 包/秒，%4/秒）</translation>
    </message>
    <message>
        <source>TX %1 packets, %2 (%3/s, %4/s)</source>
        <translation>发送 %1 个包，%2（%3 包/秒，%4/秒）</translation>
    </message>
    <message>
        <source>%1 sends/s</source>
        <translation>%1 次/秒</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>未发送任何数据。</translation>
    </message>
    <message>
        <source>Nobody has sent anything yet: there is no last sender to reply to.</source>
        <translation>还没有人发来数据：没有可回复的发送方。</translation>
    </message>
    <message>
        <source>Enter the address of the host to send to.</source>
        <translation>请输入要发送到的主机地址。</translation>
    </message>
    <message>
        <source>Send a file as one datagram</source>
        <translation>把文件作为一个数据报发送</translation>
    </message>
    <message>
        <source>%1 is %2 bytes: one UDP datagram holds at most %3 bytes (IPv4) or %4 bytes (IPv6). Nothing was sent.</source>
        <translation>%1 有 %2 字节：一个 UDP 数据报最多 %3 字节（IPv4）或 %4 字节（IPv6）。未发送任何数据。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>"%1" is not a multicast group: use 224.0.0.0-239.255.255.255 or an IPv6 address starting with ff.</source>
        <translation>“%1”不是组播地址：请使用 224.0.0.0-239.255.255.255 或以 ff 开头的 IPv6 地址。</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <source>Text (*.txt);;CSV (*.csv)</source>
        <translation>文本 (*.txt);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>TextCodec</name>
    <message>
        <source>Unknown encoding "%1". Supported: %2.</source>
        <translation>未知编码“%1”。支持：%2。</translation>
    </message>
    <message>
        <source>The character "%1" at position %2 cannot be written in %3.</source>
        <translation>第 %2 个字符“%1”无法用 %3 编码。</translation>
    </message>
    <message>
        <source>A lone backslash at position %1 ends the text; write \\ for a backslash.</source>
        <translation>第 %1 个字符是结尾处单独的反斜杠；要发送反斜杠请写 \\。</translation>
    </message>
    <message>
        <source>\x at position %1 must be followed by two hex digits, as in \x0D.</source>
        <translation>第 %1 个字符处的 \x 后面必须跟两个十六进制数字，例如 \x0D。</translation>
    </message>
    <message>
        <source>Unknown escape "\%1" at position %2. Known: \r \n \t \\ \0 \xHH.</source>
        <translation>第 %2 个字符处的转义符“\%1”无法识别。可用：\r \n \t \\ \0 \xHH。</translation>
    </message>
    <message>
        <source>"%1" at position %2 is not a hex digit (0-9, A-F).</source>
        <translation>第 %2 个字符“%1”不是十六进制数字（0-9、A-F）。</translation>
    </message>
    <message>
        <source>"0x" at position %1 is not followed by hex digits.</source>
        <translation>第 %1 个字符处的“0x”后面没有十六进制数字。</translation>
    </message>
    <message>
        <source>"%1" at position %2 has an odd number of hex digits; write each byte as two digits (e.g. 0A).</source>
        <translation>第 %2 个字符处的“%1”有奇数个十六进制数字；每个字节请写两位（例如 0A）。</translation>
    </message>
</context>
<context>
    <name>UdpCommand</name>
    <message>
        <source>sent %1 × %2 bytes to %3 from %4</source>
        <translation>已从 %4 向 %3 发送 %1 × %2 字节</translation>
    </message>
    <message>
        <source>listening on %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message>
        <source>datagrams received: %1</source>
        <translation>收到数据报：%1 个</translation>
    </message>
    <message>
        <source>cannot write the output.</source>
        <translation>无法写出输出。</translation>
    </message>
    <message>
        <source>Subcommands:</source>
        <translation>子命令：</translation>
    </message>
    <message>
        <source>send datagrams to HOST:PORT</source>
        <translation>向 主机:端口 发送数据报</translation>
    </message>
    <message>
        <source>print every datagram received on a port, one line each</source>
        <translation>打印端口上收到的每个数据报，每个一行</translation>
    </message>
    <message>
        <source>Run "netpoke-cli udp send --help" or "netpoke-cli udp listen --help" for their options.</source>
        <translation>运行“netpoke-cli udp send --help”或“netpoke-cli udp listen --help”查看选项。</translation>
    </message>
    <message>
        <source>send or listen.</source>
        <translation>send 或 listen。</translation>
    </message>
    <message>
        <source>udp: give a subcommand, send or listen.</source>
        <translation>udp：请给出子命令 send 或 listen。</translation>
    </message>
    <message>
        <source>udp: unknown subcommand "%1"; use send or listen.</source>
        <translation>udp：未知子命令“%1”；请用 send 或 listen。</translation>
    </message>
    <message>
        <source>unknown encoding "%1"; supported: %2.</source>
        <translation>未知编码“%1”；支持：%2。</translation>
    </message>
    <message>
        <source>Send MESSAGE (or the bytes of a file) as UDP datagrams to HOST:PORT.</source>
        <translation>把 MESSAGE（或文件的字节）作为 UDP 数据报发送到 HOST:PORT。</translation>
    </message>
    <message>
        <source>HOST is an IPv4 or IPv6 address or a name; write IPv6 in brackets: [::1]:9000.</source>
        <translation>HOST 是 IPv4、IPv6 地址或主机名；IPv6 请写在方括号中：[::1]:9000。</translation>
    </message>
    <message>
        <source>Several MESSAGE words are joined with single spaces. Put -- before a message that starts with -.</source>
        <translation>多个 MESSAGE 词以单个空格连接。以 - 开头的消息前请加 --。</translation>
    </message>
    <message>
        <source>Exit status: 0 sent, 1 failed (bind, resolve, send), 2 bad arguments.</source>
        <translation>退出码：0 已发送，1 失败（绑定、解析、发送），2 参数错误。</translation>
    </message>
    <message>
        <source>Send from this local address and port (e.g. 0.0.0.0:5000, [::]:0, or just a port). Default: any address, a port the system chooses.</source>
        <translation>从这个本地地址和端口发送（例如 0.0.0.0:5000、[::]:0 或仅端口）。默认：任意地址，由系统选择端口。</translation>
    </message>
    <message>
        <source>[ADDR:]PORT</source>
        <translation>[地址:]端口</translation>
    </message>
    <message>
        <source>Encoding of MESSAGE: %1. Default: UTF-8.</source>
        <translation>MESSAGE 的编码：%1。默认：UTF-8。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>MESSAGE is hex bytes, e.g. "c4 e3 ba c3" or 0x0d0a (separators and 0x are optional).</source>
        <translation>MESSAGE 为十六进制字节，例如“c4 e3 ba c3”或 0x0d0a（分隔符和 0x 可省略）。</translation>
    </message>
    <message>
        <source>Understand \r \n \t \\ \0 and \xHH (a raw byte) in MESSAGE.</source>
        <translation>识别 MESSAGE 中的 \r \n \t \\ \0 和 \xHH（原始字节）。</translation>
    </message>
    <message>
        <source>Send the datagram N times. Default: 1.</source>
        <translation>发送 N 次。默认：1。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Wait MS milliseconds between sends. Default: 0, as fast as possible.</source>
        <translation>每次发送之间等待 MS 毫秒。默认：0，尽快发送。</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>Send the bytes of this file, unchanged, as one datagram (instead of MESSAGE).</source>
        <translation>把这个文件的字节原样作为一个数据报发送（代替 MESSAGE）。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Where to send, e.g. 127.0.0.1:9000.</source>
        <translation>发送目标，例如 127.0.0.1:9000。</translation>
    </message>
    <message>
        <source>The text to send.</source>
        <translation>要发送的文字。</translation>
    </message>
    <message>
        <source>udp send: give HOST:PORT and a MESSAGE (see --help).</source>
        <translation>udp send：请给出 HOST:PORT 和 MESSAGE（见 --help）。</translation>
    </message>
    <message>
        <source>--hex and --escapes cannot be combined.</source>
        <translation>--hex 和 --escapes 不能同时使用。</translation>
    </message>
    <message>
        <source>give either MESSAGE or --file, not both.</source>
        <translation>MESSAGE 和 --file 只能给出一个。</translation>
    </message>
    <message>
        <source>udp send: missing MESSAGE (or --file PATH).</source>
        <translation>udp send：缺少 MESSAGE（或 --file 路径）。</translation>
    </message>
    <message>
        <source>--file sends the file's bytes unchanged; --hex, --escapes and --encoding apply to MESSAGE only.</source>
        <translation>--file 原样发送文件字节；--hex、--escapes 和 --encoding 只用于 MESSAGE。</translation>
    </message>
    <message>
        <source>--repeat: "%1" is not a number of times (1 or more).</source>
        <translation>--repeat：“%1”不是有效的次数（1 或以上）。</translation>
    </message>
    <message>
        <source>--interval: "%1" is not a number of milliseconds (0 or more).</source>
        <translation>--interval：“%1”不是有效的毫秒数（0 或以上）。</translation>
    </message>
    <message>
        <source>--bind: %1</source>
        <translation>--bind：%1</translation>
    </message>
    <message>
        <source>--bind: "%1" is not an IP address.</source>
        <translation>--bind：“%1”不是 IP 地址。</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is %2 bytes: too large for one UDP datagram (at most %3 bytes over IPv4, %4 over IPv6).</source>
        <translation>%1 有 %2 字节：一个 UDP 数据报放不下（IPv4 最多 %3 字节，IPv6 最多 %4 字节）。</translation>
    </message>
    <message>
        <source>Receive UDP datagrams and print one line per datagram on standard output:</source>
        <translation>接收 UDP 数据报，并在标准输出上每个数据报打印一行：</translation>
    </message>
    <message>
        <source>TIME is the local time of arrival (HH:mm:ss.zzz), SOURCE the sender's ADDRESS:PORT, LENGTH the byte count, CONTENT the decoded text with line breaks and control characters written as \n, \r, \t or \xHH (bytes that do not decode are shown as \xHH too).</source>
        <translation>TIME 为到达的本地时间（HH:mm:ss.zzz），SOURCE 为发送方的 地址:端口，LENGTH 为字节数，CONTENT 为解码后的文字，换行和控制字符写成 \n、\r、\t 或 \xHH（无法解码的字节也显示为 \xHH）。</translation>
    </message>
    <message>
        <source>"listening on ADDRESS:PORT" is printed first on standard error, with the port the system chose when PORT is 0.</source>
        <translation>先在标准错误上打印“正在监听 地址:端口”；PORT 为 0 时显示系统选择的端口。</translation>
    </message>
    <message>
        <source>Exit status: 0 done (--count reached or --timeout expired), 1 failed (e.g. port in use), 2 bad arguments.</source>
        <translation>退出码：0 完成（达到 --count 或 --timeout 到期），1 失败（例如端口被占用），2 参数错误。</translation>
    </message>
    <message>
        <source>Decode datagrams as %1. Default: UTF-8.</source>
        <translation>以 %1 解码数据报。默认：UTF-8。</translation>
    </message>
    <message>
        <source>Print CONTENT as hex bytes ("c4 e3 ba c3").</source>
        <translation>以十六进制字节打印 CONTENT（“c4 e3 ba c3”）。</translation>
    </message>
    <message>
        <source>Exit after N datagrams.</source>
        <translation>收到 N 个数据报后退出。</translation>
    </message>
    <message>
        <source>Exit when no datagram arrived for SEC seconds (fractions allowed), printing how many were received on standard error.</source>
        <translation>SEC 秒内没有收到数据报时退出（可用小数），并在标准错误上打印收到的数量。</translation>
    </message>
    <message>
        <source>SEC</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Port to listen on (0: the system chooses), optionally with a local address, e.g. 9000, 127.0.0.1:9000, [::1]:9000. Default address: all IPv4 and IPv6 addresses.</source>
        <translation>要监听的端口（0：由系统选择），可带本地地址，例如 9000、127.0.0.1:9000、[::1]:9000。默认地址：所有 IPv4 和 IPv6 地址。</translation>
    </message>
    <message>
        <source>udp listen: give the PORT to listen on (0: the system chooses).</source>
        <translation>udp listen：请给出要监听的端口（0：由系统选择）。</translation>
    </message>
    <message>
        <source>udp listen: unexpected argument "%1".</source>
        <translation>udp listen：多余的参数“%1”。</translation>
    </message>
    <message>
        <source>udp listen: "%1" is not an IP address of this machine.</source>
        <translation>udp listen：“%1”不是本机的 IP 地址。</translation>
    </message>
    <message>
        <source>--count: "%1" is not a number of datagrams (1 or more).</source>
        <translation>--count：“%1”不是有效的数据报个数（1 或以上）。</translation>
    </message>
    <message>
        <source>--timeout: "%1" is not a number of seconds (more than 0).</source>
        <translation>--timeout：“%1”不是有效的秒数（大于 0）。</translation>
    </message>
    <message>
        <source>send and receive UDP datagrams (udp send, udp listen)</source>
        <translation>收发 UDP 数据报（udp send、udp listen）</translation>
    </message>
</context>
</TS>
