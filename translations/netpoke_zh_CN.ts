<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddressCalc</name>
    <message>
        <source>An IPv4 address has four numbers separated by dots (like 192.168.1.10).</source>
        <translation>IPv4 地址由四个用点分隔的数组成（如 192.168.1.10）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number from 0 to 255.</source>
        <translation>“%1”不是 0 到 255 之间的数。</translation>
    </message>
    <message>
        <source>%1 is larger than 255: each of the four numbers is one byte.</source>
        <translation>%1 大于 255：四个数各占一个字节。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a leading zero, which some programs read as octal: write %2.</source>
        <translation>“%1”以 0 开头，有些程序会把它当作八进制：请写成 %2。</translation>
    </message>
    <message>
        <source>public</source>
        <translation>公网地址</translation>
    </message>
    <message>
        <source>private</source>
        <translation>私有地址</translation>
    </message>
    <message>
        <source>loopback (this machine)</source>
        <translation>环回地址（本机）</translation>
    </message>
    <message>
        <source>link-local</source>
        <translation>链路本地地址</translation>
    </message>
    <message>
        <source>multicast</source>
        <translation>组播地址</translation>
    </message>
    <message>
        <source>unspecified (&quot;this network&quot;)</source>
        <translation>未指定（“本网络”）</translation>
    </message>
    <message>
        <source>reserved</source>
        <translation>保留地址</translation>
    </message>
    <message>
        <source>limited broadcast</source>
        <translation>受限广播地址</translation>
    </message>
    <message>
        <source>shared address space (carrier-grade NAT)</source>
        <translation>共享地址空间（运营商级 NAT）</translation>
    </message>
    <message>
        <source>documentation example</source>
        <translation>文档示例地址</translation>
    </message>
    <message>
        <source>The prefix is given twice: in the address and in the prefix field.</source>
        <translation>前缀给了两次：地址里一次，前缀栏里一次。</translation>
    </message>
    <message>
        <source>Enter an IPv4 or IPv6 address.</source>
        <translation>请输入 IPv4 或 IPv6 地址。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv6 address.</source>
        <translation>“%1”不是 IPv6 地址。</translation>
    </message>
    <message>
        <source>IPv6 has no address classes: give a prefix length from 0 to 128 (often 64).</source>
        <translation>IPv6 没有地址分类：请给出 0 到 128 的前缀长度（常用 64）。</translation>
    </message>
    <message>
        <source>An IPv6 prefix length is a number from 0 to 128.</source>
        <translation>IPv6 前缀长度是 0 到 128 之间的数。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 address: %2</source>
        <translation>“%1”不是 IPv4 地址：%2</translation>
    </message>
    <message>
        <source>%1 is a class D (multicast) address: classes D and E have no network part, give a prefix.</source>
        <translation>%1 是 D 类（组播）地址：D 类和 E 类没有网络号部分，请给出前缀。</translation>
    </message>
    <message>
        <source>%1 is a class E (reserved) address: classes D and E have no network part, give a prefix.</source>
        <translation>%1 是 E 类（保留）地址：D 类和 E 类没有网络号部分，请给出前缀。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a netmask: a netmask is ones followed by zeros (like 255.255.255.0).</source>
        <translation>“%1”不是子网掩码：子网掩码是连续的 1 后面跟连续的 0（如 255.255.255.0）。</translation>
    </message>
    <message>
        <source>An IPv4 prefix length is a number from 0 to 32 (or a netmask like 255.255.255.0).</source>
        <translation>IPv4 前缀长度是 0 到 32 之间的数（或 255.255.255.0 这样的子网掩码）。</translation>
    </message>
</context>
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
    <message>
        <source>%1 (%2)</source>
        <extracomment>A network interface in the multicast list: its name and its address, e.g. &quot;eth0 (192.168.1.5)&quot;</extracomment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>ChatCommand</name>
    <message>
        <source>listening on %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message>
        <source>cannot write the output.</source>
        <translation>无法写出输出。</translation>
    </message>
    <message>
        <source>cannot read standard input: %1</source>
        <translation>无法读取标准输入：%1</translation>
    </message>
    <message>
        <source>Each line typed on standard input is sent as one datagram of bare text (no line break, no framing), so the other side can be a plain socket script or &quot;nc -u&quot;. Empty lines are not sent.</source>
        <translation>在标准输入中输入的每一行都作为一个只含文字的数据报发送（不带换行符，不加任何封装），因此对方可以是普通的套接字脚本或“nc -u”。空行不发送。</translation>
    </message>
    <message>
        <source>Each datagram received is printed at once on standard output as:</source>
        <translation>每收到一个数据报，立即在标准输出上打印为：</translation>
    </message>
    <message>
        <source>&quot;listening on ADDRESS:PORT&quot; is printed first on standard error, with the port the system chose when PORT is 0; other notices (peer set, nobody listening, ...) follow there too.</source>
        <translation>先在标准错误上打印“正在监听 地址:端口”；端口为 0 时显示系统选择的端口。其他提示（已设定聊天对象、无人监听等）也打印在标准错误上。</translation>
    </message>
    <message>
        <source>The end of standard input (Ctrl+D) ends the chat once every line has been sent.</source>
        <translation>标准输入结束（Ctrl+D）后，待所有行发送完毕即结束聊天。</translation>
    </message>
    <message>
        <source>Exit status: 0 done, 1 failed (e.g. port in use, unknown host, a line that could not be sent), 2 bad arguments.</source>
        <translation>退出码：0 完成，1 失败（例如端口被占用、找不到主机、某一行无法发送），2 参数错误。</translation>
    </message>
    <message>
        <source>Listen and send on this local address and port (e.g. 9000, 0.0.0.0:9000, [::1]:0). Default: all IPv4 and IPv6 addresses, a port the system chooses (0).</source>
        <translation>在这个本地地址和端口上监听和发送（例如 9000、0.0.0.0:9000、[::1]:0）。默认：所有 IPv4 和 IPv6 地址，由系统选择端口（0）。</translation>
    </message>
    <message>
        <source>[ADDR:]PORT</source>
        <translation>[地址:]端口</translation>
    </message>
    <message>
        <source>Encoding of the text on the wire: %1. Default: UTF-8.</source>
        <translation>网络上传输文字所用的编码：%1。默认：UTF-8。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Your display name (see --send-name).</source>
        <translation>你的显示名称（见 --send-name）。</translation>
    </message>
    <message>
        <source>Prefix each line sent with &quot;NAME: &quot; (off by default: the bare text is the protocol).</source>
        <translation>在发送的每一行前加上“名称: ”（默认关闭：协议就是纯文字）。</translation>
    </message>
    <message>
        <source>Without HOST:PORT: answer whoever writes first.</source>
        <translation>不给 HOST:PORT 时：回复第一个发来消息的人。</translation>
    </message>
    <message>
        <source>Room mode instead of HOST:PORT: send to a multicast group (e.g. 239.255.43.21:9000) or a subnet broadcast address, listen on its port, and show everyone&apos;s messages.</source>
        <translation>聊天室模式（代替 HOST:PORT）：发送到组播组（例如 239.255.43.21:9000）或子网广播地址，在其端口上监听，并显示所有人的消息。</translation>
    </message>
    <message>
        <source>GROUP:PORT</source>
        <translation>组:端口</translation>
    </message>
    <message>
        <source>With --room: the network interface to join the group on and send from (e.g. eth0). Default: the system&apos;s choice.</source>
        <translation>与 --room 一起使用：加入组播组并发送消息所用的网卡（例如 eth0）。默认：由系统选择。</translation>
    </message>
    <message>
        <source>With --room: multicast TTL, how many routers a message may cross (0-255). Default: 1, this network only.</source>
        <translation>与 --room 一起使用：组播 TTL，即消息最多可经过几个路由器（0-255）。默认：1，仅限本网络。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>The other side, e.g. 192.168.1.20:8080 or [::1]:9000 (an IPv4 or IPv6 address or a name).</source>
        <translation>对方，例如 192.168.1.20:8080 或 [::1]:9000（IPv4、IPv6 地址或主机名）。</translation>
    </message>
    <message>
        <source>chat: unexpected argument &quot;%1&quot;.</source>
        <translation>chat：多余的参数“%1”。</translation>
    </message>
    <message>
        <source>chat: give either HOST:PORT or --room, not both.</source>
        <translation>chat：HOST:PORT 和 --room 只能给出一个。</translation>
    </message>
    <message>
        <source>--answer-first is for a two-person chat, not --room.</source>
        <translation>--answer-first 用于两人聊天，不能与 --room 一起使用。</translation>
    </message>
    <message>
        <source>chat: give HOST:PORT of the other side (or --room GROUP:PORT, or --answer-first).</source>
        <translation>chat：请给出对方的 HOST:PORT（或 --room 组:端口，或 --answer-first）。</translation>
    </message>
    <message>
        <source>--bind cannot be combined with --room: the room&apos;s port is the one listened on.</source>
        <translation>--bind 不能与 --room 一起使用：监听的就是聊天室的端口。</translation>
    </message>
    <message>
        <source>--bind: %1</source>
        <translation>--bind：%1</translation>
    </message>
    <message>
        <source>--bind: &quot;%1&quot; is not an IP address.</source>
        <translation>--bind：“%1”不是 IP 地址。</translation>
    </message>
    <message>
        <source>--send-name needs --name NAME.</source>
        <translation>--send-name 需要同时给出 --name 名称。</translation>
    </message>
    <message>
        <source>--interface and --ttl apply to --room only.</source>
        <translation>--interface 和 --ttl 只用于 --room。</translation>
    </message>
    <message>
        <source>--room: %1</source>
        <translation>--room：%1</translation>
    </message>
    <message>
        <source>--room: &quot;%1&quot; is not an IP address; give a multicast group such as 239.255.43.21 or a broadcast address.</source>
        <translation>--room：“%1”不是 IP 地址；请给出组播地址（例如 239.255.43.21）或广播地址。</translation>
    </message>
    <message>
        <source>--room: %1 is not a multicast group.</source>
        <translation>--room：%1 不是组播地址。</translation>
    </message>
    <message>
        <source>--interface: there is no network interface named &quot;%1&quot;.</source>
        <translation>--interface：没有名为“%1”的网卡。</translation>
    </message>
    <message>
        <source>--ttl: &quot;%1&quot; is not a TTL (0-255).</source>
        <translation>--ttl：“%1”不是有效的 TTL（0-255）。</translation>
    </message>
    <message>
        <source>two-person UDP chat (or a multicast room) on standard input and output</source>
        <translation>通过标准输入输出进行两人 UDP 聊天（或组播聊天室）</translation>
    </message>
    <message>
        <source>an input line is longer than %1 bytes, the most one datagram carries.</source>
        <translation>输入的一行超过 %1 字节，这是一个数据报最多能装下的长度。</translation>
    </message>
    <message>
        <source>SOURCE is the sender&apos;s ADDRESS:PORT, TEXT the decoded text with a backslash written as \\, line breaks and control characters as \n, \r, \t or \xHH, bytes that do not decode as \xHH too (from \x80), and C1 controls, bidi and zero-width characters as \uXXXX. A character split across two datagrams is printed with the second.</source>
        <translation>SOURCE 是发送方的 ADDRESS:PORT，TEXT 是解码后的文本：反斜杠写作 \\，换行和控制字符写作 \n、\r、\t 或 \xHH，无法解码的字节也写作 \xHH（从 \x80 起），C1 控制字符、双向和零宽字符写作 \uXXXX。跨两个数据报的字符随第二个数据报输出。</translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>0 lets the system choose a free port.</source>
        <translation>0 表示由系统选择一个空闲端口。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Put &quot;NAME: &quot; before every message. Off: only the text is sent, as a plain UDP script expects.</source>
        <translation>在每条消息前加上“昵称: ”。不勾选时只发送文字本身，这正是普通 UDP 脚本所期望的。</translation>
    </message>
    <message>
        <source>Send my name</source>
        <translation>发送我的昵称</translation>
    </message>
    <message>
        <source>Them</source>
        <translation>对方</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>IPv4, IPv6 or host name</source>
        <translation>IPv4、IPv6 地址或主机名</translation>
    </message>
    <message>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Answer whoever writes first</source>
        <translation>回复第一个发来消息的人</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Both sides must use the same encoding. Classroom scripts usually use GB2312.</source>
        <translation>双方必须使用相同的编码。课堂上的脚本通常使用 GB2312。</translation>
    </message>
    <message>
        <source>Room (a whole class)</source>
        <translation>聊天室（全班）</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组地址</translation>
    </message>
    <message>
        <source>A multicast group everyone joins, or the subnet&apos;s broadcast address.</source>
        <translation>大家都加入的组播组，或子网的广播地址。</translation>
    </message>
    <message>
        <source>Join room</source>
        <translation>加入聊天室</translation>
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
        <source>Type a message. Enter sends, Shift+Enter starts a new line.</source>
        <translation>输入消息。按 Enter 发送，Shift+Enter 换行。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Subcommands:</source>
        <translation>子命令：</translation>
    </message>
    <message>
        <source>Run &quot;netpoke-cli %1 SUBCOMMAND --help&quot; for its options.</source>
        <translation>运行“netpoke-cli %1 SUBCOMMAND --help”查看该子命令的选项。</translation>
    </message>
    <message>
        <source>%1: give a subcommand: %2.</source>
        <translation>%1：请给出子命令：%2。</translation>
    </message>
    <message>
        <source>%1: unknown subcommand &quot;%2&quot;; use %3.</source>
        <translation>%1：未知子命令“%2”；请用 %3。</translation>
    </message>
</context>
<context>
    <name>CliCommon</name>
    <message>
        <source>unknown encoding &quot;%1&quot;; supported: %2.</source>
        <translation>未知编码“%1”；支持：%2。</translation>
    </message>
    <message>
        <source>Stop the program that uses it, choose another port, or use port 0 to let the system choose.</source>
        <translation>请停止占用该端口的程序、换一个端口，或使用端口 0 让系统选择。</translation>
    </message>
    <message>
        <source>Use a port from 1024 to 65535, or 0 to let the system choose.</source>
        <translation>请使用 1024 到 65535 之间的端口，或用 0 让系统选择。</translation>
    </message>
    <message>
        <source>Give an address of this machine, or leave the address out to listen on all of them.</source>
        <translation>请给出本机的地址，或省略地址以在本机所有地址上监听。</translation>
    </message>
    <message>
        <source>Bind to :: or to an address of the destination&apos;s family.</source>
        <translation>请绑定到 ::，或绑定到与目标地址同一地址族（IPv4/IPv6）的地址。</translation>
    </message>
    <message>
        <source>Check the port number and that the program there is running.</source>
        <translation>请检查端口号，并确认对方的程序正在运行。</translation>
    </message>
    <message>
        <source>Give HOST:PORT of the other side, or with --answer-first wait until someone writes.</source>
        <translation>请给出对方的 HOST:PORT，或用 --answer-first 等待别人先发来消息。</translation>
    </message>
    <message>
        <source>To write to everyone on the network, use --room with the broadcast address.</source>
        <translation>要发给网络上的所有人，请用 --room 加广播地址。</translation>
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
        <source>Run &quot;netpoke-cli COMMAND --help&quot; for the options of a command.</source>
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
        <source>no command given; run &quot;netpoke-cli --help&quot; for the list.</source>
        <translation>没有给出命令；运行“netpoke-cli --help”查看命令列表。</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; run &quot;netpoke-cli --help&quot; for the list.</source>
        <translation>未知命令“%1”；运行“netpoke-cli --help”查看命令列表。</translation>
    </message>
</context>
<context>
    <name>EndpointInput</name>
    <message>
        <source>Port 0 cannot be a destination.</source>
        <translation>端口 0 不能作为目标。</translation>
    </message>
</context>
<context>
    <name>ErrorAdvice</name>
    <message>
        <source>Close the program that uses it, choose another port, or enter 0 to let the system choose.</source>
        <translation>请关闭占用该端口的程序、换一个端口，或填 0 让系统选择。</translation>
    </message>
    <message>
        <source>Choose a port from 1024 to 65535, or 0 to let the system choose.</source>
        <translation>请选择 1024 到 65535 之间的端口，或填 0 让系统选择。</translation>
    </message>
    <message>
        <source>Choose one from the list, or 0.0.0.0 to listen on all of them.</source>
        <translation>请从列表中选择一个地址，或选 0.0.0.0 在所有地址上监听。</translation>
    </message>
    <message>
        <source>Turn on Broadcast to send to it.</source>
        <translation>要发送到该地址，请勾选“广播”。</translation>
    </message>
    <message>
        <source>Open the socket on :: (all IPv4 and IPv6 addresses) or on an address of the destination&apos;s family.</source>
        <translation>请在 ::（本机所有 IPv4 和 IPv6 地址）上打开套接字，或在与目标地址同一地址族（IPv4/IPv6）的地址上打开。</translation>
    </message>
    <message>
        <source>Check the port number and that the program there is running.</source>
        <translation>请检查端口号，并确认对方的程序正在运行。</translation>
    </message>
    <message>
        <source>Enter the port the other side listens on.</source>
        <translation>请输入对方监听的端口。</translation>
    </message>
    <message>
        <source>Enter the other person&apos;s address and port.</source>
        <translation>请输入对方的地址和端口。</translation>
    </message>
    <message>
        <source>To write to everyone on the network, join a room with the broadcast address instead.</source>
        <translation>要发给网络上的所有人，请改用广播地址加入聊天室。</translation>
    </message>
    <message>
        <source>Choose an IPv4 address such as 127.0.0.1 or 0.0.0.0.</source>
        <translation>请选择 IPv4 地址，如 127.0.0.1 或 0.0.0.0。</translation>
    </message>
    <message>
        <source>Choose a folder that exists (Browse…).</source>
        <translation>请选择一个存在的文件夹（浏览…）。</translation>
    </message>
</context>
<context>
    <name>HostPort</name>
    <message>
        <source>Enter a port number (%1-65535).</source>
        <translation>请输入端口号（%1-65535）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid port: use a number from %2 to 65535.</source>
        <translation>“%1”不是有效的端口：请使用 %2 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: write an IPv6 address with its port as [ADDRESS]:PORT, e.g. [::1]:9000.</source>
        <translation>“%1”：IPv6 地址加端口请写成 [地址]:端口，例如 [::1]:9000。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: put an IPv6 address in brackets, e.g. [::1]:9000.</source>
        <translation>“%1”：IPv6 地址请放在方括号中，例如 [::1]:9000。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: give a host and a port, e.g. 127.0.0.1:9000.</source>
        <translation>“%1”：请给出主机和端口，例如 127.0.0.1:9000。</translation>
    </message>
    <message>
        <source>Enter an address (e.g. 127.0.0.1 or ::1) or a host name.</source>
        <translation>请输入地址（例如 127.0.0.1 或 ::1）或主机名。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv4 address: it needs four numbers from 0 to 255, e.g. 192.168.1.10.</source>
        <translation>“%1”不是有效的 IPv4 地址：需要四个 0 到 255 之间的数字，例如 192.168.1.10。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv6 address.</source>
        <translation>“%1”不是有效的 IPv6 地址。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name: &quot;%2&quot; cannot appear in one.</source>
        <translation>“%1”不是有效的主机名：主机名中不能出现“%2”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name.</source>
        <translation>“%1”不是有效的主机名。</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>LogPane</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
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
        <source>Text + Hex</source>
        <translation>文本 + 十六进制</translation>
    </message>
    <message>
        <source>How received (and sent) data is decoded for the log. &quot;Same as Send&quot; follows the Send box&apos;s encoding.</source>
        <translation>日志解码收到（及发出）的数据所用的编码。“与发送相同”即沿用发送区的编码。</translation>
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
    <name>NetPoke::ChatPanel</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Join room</source>
        <translation>加入聊天室</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address: use a multicast group such as 239.255.43.21.</source>
        <translation>“%1”不是 IP 地址：请使用组播地址，例如 239.255.43.21。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message>
        <source>Closed. Sending opens a port chosen by the system.</source>
        <translation>未打开。发送时会自动打开一个系统选择的端口。</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>退出聊天室</translation>
    </message>
    <message>
        <source>%1  to %2</source>
        <translation>%1  发给 %2</translation>
    </message>
    <message>
        <source>%1  %2  (not your chat partner)</source>
        <translation>%1  %2  （不是你的聊天对象）</translation>
    </message>
    <message>
        <source>Nobody has written yet: enter their address, or wait for their first message.</source>
        <translation>还没有人发来消息：请输入对方的地址，或等待对方先发消息。</translation>
    </message>
    <message>
        <source>Enter the other person&apos;s address (e.g. 127.0.0.1) and port.</source>
        <translation>请输入对方的地址（例如 127.0.0.1）和端口。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Save conversation</source>
        <translation>保存聊天记录</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>文本 (*.txt)</translation>
    </message>
    <message>
        <source>%1 is this chat itself: you listen on port %2, so every message you send comes back and shows twice. Under Them, enter the port the other side listens on.</source>
        <translation>%1 就是本聊天自己：你在端口 %2 上监听，因此你发送的每条消息都会发回给自己，显示两次。请在“对方”下输入对方监听的端口。</translation>
    </message>
    <message>
        <source>%1  %2  (your own message, back)</source>
        <translation>%1  %2  （你自己的消息，被发了回来）</translation>
    </message>
    <message>
        <source>%1  (not delivered: nothing listens there)</source>
        <translation>%1  （未送达：对方端口上没有程序在监听）</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
</context>
<context>
    <name>NetPoke::ChatSession</name>
    <message>
        <source>Bound to %1</source>
        <translation>已绑定 %1</translation>
    </message>
    <message>
        <source>Nobody is listening at %1 (ICMP port unreachable)</source>
        <translation>%1 上没有程序在监听（ICMP 端口不可达）</translation>
    </message>
    <message>
        <source>Answering %1, who wrote first</source>
        <translation>回复先发来消息的 %1</translation>
    </message>
    <message>
        <source>Peer changed to %1</source>
        <translation>聊天对象已改为 %1</translation>
    </message>
    <message>
        <source>Peer set to %1</source>
        <translation>聊天对象：%1</translation>
    </message>
    <message>
        <source>Looking up %1 ...</source>
        <translation>正在解析 %1…</translation>
    </message>
    <message>
        <source>Cannot find the host &quot;%1&quot;: %2</source>
        <translation>找不到主机“%1”：%2</translation>
    </message>
    <message>
        <source>Peer set to %1 (%2)</source>
        <translation>聊天对象：%1（%2）</translation>
    </message>
    <message>
        <source>No peer</source>
        <translation>没有聊天对象</translation>
    </message>
    <message>
        <source>Unknown encoding &quot;%1&quot;. Supported: %2.</source>
        <translation>未知编码“%1”。支持：%2。</translation>
    </message>
    <message>
        <source>Encoding changed to %1</source>
        <translation>编码已改为 %1</translation>
    </message>
    <message>
        <source>%1 is neither a multicast group (e.g. 239.255.43.21) nor a broadcast address.</source>
        <translation>%1 既不是组播地址（例如 239.255.43.21），也不是广播地址。</translation>
    </message>
    <message>
        <source>Joined the room %1 (broadcast)</source>
        <translation>已加入聊天室 %1（广播）</translation>
    </message>
    <message>
        <source>Joined the room %1 on %2, TTL %3</source>
        <translation>已在 %2 上加入聊天室 %1，TTL %3</translation>
    </message>
    <message>
        <source>Joined the room %1, TTL %2</source>
        <translation>已加入聊天室 %1，TTL %2</translation>
    </message>
    <message>
        <source>Left the room %1</source>
        <translation>已退出聊天室 %1</translation>
    </message>
    <message>
        <source>No one to send to: there is no peer.</source>
        <translation>无法发送：没有聊天对象。</translation>
    </message>
    <message>
        <source>TTL %1 is out of range (0 to 255).</source>
        <translation>TTL %1 超出范围（0 到 255）。</translation>
    </message>
</context>
<context>
    <name>NetPoke::Cli::TeachingCliOptions</name>
    <message>
        <source>Teaching: send at most N packets a second (1-%1). Default: 0, full speed.</source>
        <translation>教学：每秒最多发送 N 个包（1-%1）。默认：0，全速。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Teaching: drop every Nth DATA or ACK packet this side sends (2-%1), so that the other side times out and sends again. Default: 0, none.</source>
        <translation>教学：本端发送的 DATA 或 ACK 包每 N 个丢弃一个（2-%1），让对方超时重发。默认：0，不丢弃。</translation>
    </message>
    <message>
        <source>Teaching: drop X % of the DATA and ACK packets this side sends (0-100, chosen at random from --teach-seed). Default: 0.</source>
        <translation>教学：丢弃本端发送的 DATA 和 ACK 包中的 X %（0-100，按 --teach-seed 随机选取）。默认：0。</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Teaching: the seed of --teach-drop-percent&apos;s choice (the same seed drops the same packets). Default: 1.</source>
        <translation>教学：--teach-drop-percent 随机选取所用的种子（相同种子丢弃相同的包）。默认：1。</translation>
    </message>
    <message>
        <source>--teach-rate: &quot;%1&quot; is not 0-%2.</source>
        <translation>--teach-rate：“%1”不在 0-%2 之间。</translation>
    </message>
    <message>
        <source>--teach-drop-every: &quot;%1&quot; is not 0 or 2-%2.</source>
        <translation>--teach-drop-every：“%1”既不是 0 也不在 2-%2 之间。</translation>
    </message>
    <message>
        <source>--teach-drop-percent: &quot;%1&quot; is not 0-100.</source>
        <translation>--teach-drop-percent：“%1”不在 0-100 之间。</translation>
    </message>
    <message>
        <source>--teach-seed: &quot;%1&quot; is not 0-%2.</source>
        <translation>--teach-seed：“%1”不在 0-%2 之间。</translation>
    </message>
</context>
<context>
    <name>NetPoke::ClientLadder</name>
    <message>
        <source>NetPoke (this computer)</source>
        <translation>NetPoke（本机）</translation>
    </message>
    <message>
        <source>TFTP tab</source>
        <translation>TFTP 标签页</translation>
    </message>
</context>
<context>
    <name>NetPoke::FramingControls</name>
    <message>
        <source>Rows</source>
        <translation>分行</translation>
    </message>
    <message>
        <source>How received bytes are cut into rows. TCP has no messages: a read is only what arrived together. This changes the rows, never the bytes.</source>
        <translation>收到的字节如何分成行。TCP 没有消息边界：一次读取只是恰好一起到达的数据。这里只改变分行，不改变字节。</translation>
    </message>
    <message>
        <source>Per read</source>
        <translation>按每次读取</translation>
    </message>
    <message>
        <source>By line end</source>
        <translation>按换行符</translation>
    </message>
    <message>
        <source>By idle gap</source>
        <translation>按空闲间隔</translation>
    </message>
    <message>
        <source>Fixed length</source>
        <translation>固定长度</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
</context>
<context>
    <name>NetPoke::HexView</name>
    <message>
        <source>Offset %1 (%2): 0x%3</source>
        <translation>偏移 %1（%2）：0x%3</translation>
    </message>
    <message>
        <source>%1: not a character in %2</source>
        <translation>%1：在 %2 中不是字符</translation>
    </message>
    <message>
        <source>%1 (U+%2), bytes %3 to %4 in %5</source>
        <translation>%1（U+%2），%5 中第 %3 到 %4 字节</translation>
    </message>
    <message>
        <source>%1 (U+%2)</source>
        <translation>%1（U+%2）</translation>
    </message>
</context>
<context>
    <name>NetPoke::Inspect::Strings</name>
    <message numerus="yes">
        <source>%1 of %Ln bytes</source>
        <translation>
            <numerusform>%1 / %Ln 字节</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln bytes</source>
        <translation>
            <numerusform>%Ln 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>Raw data</source>
        <translation>原始数据</translation>
    </message>
</context>
<context>
    <name>NetPoke::InspectorWidget</name>
    <message>
        <source>Text as</source>
        <translation>文本编码</translation>
    </message>
    <message>
        <source>As the tab (%1)</source>
        <translation>同标签页（%1）</translation>
    </message>
    <message>
        <source>How the text column decodes the bytes</source>
        <translation>文本列如何解码字节</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected field&apos;s bytes, or the whole packet when no field is selected</source>
        <translation>复制选中字段的字节；未选中字段时复制整个包</translation>
    </message>
    <message>
        <source>Copy as hex</source>
        <translation>复制为十六进制</translation>
    </message>
    <message>
        <source>Copy as C array</source>
        <translation>复制为 C 数组</translation>
    </message>
    <message>
        <source>Copy as Python bytes</source>
        <translation>复制为 Python bytes</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Select a packet to see its bytes.</source>
        <translation>选择一个包以查看其字节。</translation>
    </message>
    <message>
        <source>TFTP: %1</source>
        <translation>TFTP：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>NetPoke::LadderView</name>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>retransmitted</source>
        <translation>重传</translation>
    </message>
    <message>
        <source>… later packets not shown (at most %L1 rows)</source>
        <translation>… 之后的包未显示（最多 %L1 行）</translation>
    </message>
    <message>
        <source>No packets yet: the ladder fills in as the transfer runs.</source>
        <translation>还没有包：传输进行时时序图会逐步画出。</translation>
    </message>
    <message>
        <source>The ladder is too large for an image (%1 × %2 pixels).</source>
        <translation>时序图太大，无法生成图片（%1 × %2 像素）。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>TFTP ladder</source>
        <translation>TFTP 时序图</translation>
    </message>
    <message>
        <source>A TFTP transfer&apos;s packets, drawn by NetPoke</source>
        <translation>一次 TFTP 传输的数据包，由 NetPoke 绘制</translation>
    </message>
</context>
<context>
    <name>NetPoke::LadderWindow</name>
    <message>
        <source>Ladder: %1</source>
        <translation>时序图：%1</translation>
    </message>
    <message>
        <source>Follow the transfer</source>
        <translation>跟随传输</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Ladder</source>
        <translation>时序图</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export the ladder</source>
        <translation>导出时序图</translation>
    </message>
    <message>
        <source>Ladder…</source>
        <translation>时序图…</translation>
    </message>
    <message>
        <source>The transfer as a sequence diagram: one arrow per packet</source>
        <translation>以时序图显示传输：每个包一个箭头</translation>
    </message>
</context>
<context>
    <name>NetPoke::LogPane</name>
    <message>
        <source>Log: the newest %1 rows (%2) kept, at most %3 rows and %4; the counters count every byte.</source>
        <extracomment>%1 rows kept, %2 their size, %3 the row cap, %4 the byte cap</extracomment>
        <translation>日志：保留最新的 %1 行（%2），最多 %3 行、%4；计数器统计每一个字节。</translation>
    </message>
</context>
<context>
    <name>NetPoke::MainWindow</name>
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
        <source>%1 (%2)</source>
        <extracomment>A tab&apos;s title with the number of unread items, e.g. &quot;Chat (2)&quot;</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Reset settings…</source>
        <translation>重置设置(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>NetPoke will speak %1 after a restart.</source>
        <translation>NetPoke 重新启动后将使用%1。</translation>
    </message>
    <message>
        <source>Reset settings</source>
        <translation>重置设置</translation>
    </message>
    <message>
        <source>Forget every setting (fields, history, window size, zoom, language) and start with the defaults?</source>
        <translation>清除所有设置（输入内容、历史、窗口大小、缩放、语言），以默认设置启动？</translation>
    </message>
    <message>
        <source>The settings were reset. NetPoke starts with its defaults next time.</source>
        <translation>设置已重置。NetPoke 下次启动时使用默认设置。</translation>
    </message>
    <message>
        <source>Restart NetPoke</source>
        <translation>重新启动 NetPoke</translation>
    </message>
    <message>
        <source>Restart &amp;now</source>
        <translation>立即重启(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
    <message>
        <source>NetPoke could not start itself again: please start it by hand.</source>
        <translation>NetPoke 无法自行重新启动：请手动启动。</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;NetPoke %1&lt;/h3&gt;&lt;p&gt;A network debugging assistant: UDP and TCP (client and server) in UTF-8, GB2312, GBK, GB18030, Big5, Latin-1 or hex; a UDP chat; a TFTP client and server.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;NetPoke %1&lt;/h3&gt;&lt;p&gt;网络调试助手：以 UTF-8、GB2312、GBK、GB18030、Big5、Latin-1 或十六进制收发 UDP 和 TCP（客户端与服务器）；UDP 聊天；TFTP 客户端和服务器。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Larger logs, traces and progress bars for a projector (F5)</source>
        <translation>为投影仪放大日志、跟踪记录和进度条（F5）</translation>
    </message>
</context>
<context>
    <name>NetPoke::Net::DatagramSocket</name>
    <message>
        <source>The socket is not open.</source>
        <translation>套接字未打开。</translation>
    </message>
    <message>
        <source>No destination address.</source>
        <translation>没有目标地址。</translation>
    </message>
</context>
<context>
    <name>NetPoke::NetworkPanel</name>
    <message>
        <source>up</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>down</source>
        <translation>未启用</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>loopback</source>
        <translation>环回</translation>
    </message>
    <message>
        <source>broadcast</source>
        <translation>广播</translation>
    </message>
    <message>
        <source>multicast</source>
        <translation>组播</translation>
    </message>
    <message>
        <source>point-to-point</source>
        <translation>点对点</translation>
    </message>
    <message>
        <source>File transfer, data connection</source>
        <translation>文件传输，数据连接</translation>
    </message>
    <message>
        <source>File transfer, commands</source>
        <translation>文件传输，命令连接</translation>
    </message>
    <message>
        <source>Secure remote login</source>
        <translation>安全远程登录</translation>
    </message>
    <message>
        <source>Remote login (unencrypted)</source>
        <translation>远程登录（不加密）</translation>
    </message>
    <message>
        <source>Sending e-mail</source>
        <translation>发送电子邮件</translation>
    </message>
    <message>
        <source>Names to addresses</source>
        <translation>域名解析为地址</translation>
    </message>
    <message>
        <source>Address assignment (server side; clients use 68)</source>
        <translation>分配地址（服务器端；客户端用 68）</translation>
    </message>
    <message>
        <source>Trivial file transfer (the TFTP tabs)</source>
        <translation>简单文件传输（TFTP 标签页）</translation>
    </message>
    <message>
        <source>Web pages</source>
        <translation>网页</translation>
    </message>
    <message>
        <source>Fetching e-mail</source>
        <translation>收取电子邮件</translation>
    </message>
    <message>
        <source>Clock synchronisation</source>
        <translation>时间同步</translation>
    </message>
    <message>
        <source>E-mail folders</source>
        <translation>电子邮件文件夹</translation>
    </message>
    <message>
        <source>Device management</source>
        <translation>设备管理</translation>
    </message>
    <message>
        <source>Web pages over TLS</source>
        <translation>通过 TLS 的网页</translation>
    </message>
    <message>
        <source>System log messages</source>
        <translation>系统日志消息</translation>
    </message>
    <message>
        <source>This machine&apos;s interfaces</source>
        <translation>本机网络接口</translation>
    </message>
    <message>
        <source>Interface / address</source>
        <translation>接口 / 地址</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <source>Netmask</source>
        <translation>子网掩码</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>广播地址</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC 地址</translation>
    </message>
    <message>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>NetPoke&apos;s open sockets</source>
        <translation>NetPoke 打开的套接字</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Local address:port</source>
        <translation>本地地址:端口</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Queued (send / receive)</source>
        <translation>排队字节（发送 / 接收）</translation>
    </message>
    <message>
        <source>Every socket the tabs have open, as the system sees it (like ss -p).</source>
        <translation>各标签页打开的每个套接字，按系统所见列出（类似 ss -p）。</translation>
    </message>
    <message>
        <source>Address calculator</source>
        <translation>地址计算器</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.10, 10.0.0.1/8 or 2001:db8::1/64</source>
        <translation>如 192.168.1.10、10.0.0.1/8 或 2001:db8::1/64</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>by class (A /8, B /16, C /24)</source>
        <translation>按地址类别（A 类 /8、B 类 /16、C 类 /24）</translation>
    </message>
    <message>
        <source>&amp;Prefix or netmask:</source>
        <translation>前缀或子网掩码(&amp;P)：</translation>
    </message>
    <message>
        <source>Network number:</source>
        <translation>网络号：</translation>
    </message>
    <message>
        <source>Netmask:</source>
        <translation>子网掩码：</translation>
    </message>
    <message>
        <source>Host bits (wildcard):</source>
        <translation>主机位（反掩码）：</translation>
    </message>
    <message>
        <source>Broadcast address:</source>
        <translation>广播地址：</translation>
    </message>
    <message>
        <source>First host:</source>
        <translation>第一个主机地址：</translation>
    </message>
    <message>
        <source>Last host:</source>
        <translation>最后一个主机地址：</translation>
    </message>
    <message>
        <source>Usable hosts:</source>
        <translation>可用主机数：</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>种类：</translation>
    </message>
    <message>
        <source>In binary (network | host):</source>
        <translation>二进制（网络号 | 主机号）：</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>传输层协议</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>What for</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source> This system picks a client&apos;s port (an ephemeral port) from %1–%2.</source>
        <translation>本系统从 %1–%2 中为客户端选择端口（临时端口）。</translation>
    </message>
    <message>
        <source>Ports 0–1023 are well-known ports: standard services listen there, and on Linux only root may bind them. Ports 1024–65535 are for everything else: registered services (1024–49151) and dynamic ports (49152–65535).</source>
        <translation>0–1023 是知名端口：标准服务在这些端口监听，在 Linux 上只有 root 能绑定它们。1024–65535 供其他程序使用：注册端口（1024–49151）和动态端口（49152–65535）。</translation>
    </message>
    <message>
        <source>(IPv6 has no netmask: /%1)</source>
        <translation>（IPv6 没有子网掩码：/%1）</translation>
    </message>
    <message>
        <source>(IPv6 has no broadcast: it uses multicast)</source>
        <translation>（IPv6 没有广播：它使用组播）</translation>
    </message>
    <message>
        <source>none (a /%1 has no broadcast address)</source>
        <translation>无（/%1 没有广播地址）</translation>
    </message>
    <message>
        <source>%1 (2^%2 − 2: the network number and the broadcast address are not hosts)</source>
        <translation>%1（2^%2 − 2：网络号和广播地址不能分配给主机）</translation>
    </message>
    <message>
        <source>%1 (a point-to-point link, RFC 3021)</source>
        <translation>%1（点对点链路，RFC 3021）</translation>
    </message>
    <message>
        <source>%1 addresses (2^%2)</source>
        <translation>%1 个地址（2^%2）</translation>
    </message>
    <message>
        <source>%1 (default prefix /%2)</source>
        <translation>%1 类（默认前缀 /%2）</translation>
    </message>
    <message>
        <source>D (multicast)</source>
        <translation>D 类（组播）</translation>
    </message>
    <message>
        <source>E (reserved)</source>
        <translation>E 类（保留）</translation>
    </message>
    <message>
        <source>, prefix taken from the class</source>
        <translation>，前缀按类别取得</translation>
    </message>
    <message>
        <source>(IPv6 has no classes)</source>
        <translation>（IPv6 没有地址分类）</translation>
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
    <name>NetPoke::RateChart</name>
    <message>
        <source>RX</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>TX</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>seconds ago</source>
        <translation>秒前</translation>
    </message>
    <message>
        <source>packets/s</source>
        <translation>包/秒</translation>
    </message>
    <message>
        <source>bytes/s</source>
        <translation>字节/秒</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>RX and TX per second over the last minute</source>
        <translation>最近一分钟每秒接收和发送的数量</translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation>MiB/秒</translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation>KiB/秒</translation>
    </message>
</context>
<context>
    <name>NetPoke::SendBox</name>
    <message>
        <source>Text to send (Ctrl+Enter sends)</source>
        <translation>要发送的文字（Ctrl+Enter 发送）</translation>
    </message>
    <message>
        <source>Hex bytes, e.g. C4 E3 BA C3 or 0x01,0x02 (Ctrl+Enter sends)</source>
        <translation>十六进制字节，例如 C4 E3 BA C3 或 0x01,0x02（Ctrl+Enter 发送）</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>未发送任何数据。</translation>
    </message>
    <message>
        <source>%1 sends/s</source>
        <translation>%1 次/秒</translation>
    </message>
</context>
<context>
    <name>NetPoke::Tcp::Client</name>
    <message>
        <source>Cannot use the local address %1: %2</source>
        <translation>无法使用本地地址 %1：%2</translation>
    </message>
    <message>
        <source>Connection to %1 refused: nothing listens on that port.</source>
        <translation>到 %1 的连接被拒绝：该端口上没有程序在监听。</translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; was not found.</source>
        <translation>找不到主机“%1”。</translation>
    </message>
    <message>
        <source>Connecting to %1 timed out.</source>
        <translation>连接 %1 超时。</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>与 %1 的 TLS 握手失败：%2</translation>
    </message>
    <message>
        <source>%1 closed the connection during the TLS handshake.</source>
        <translation>%1 在 TLS 握手期间关闭了连接。</translation>
    </message>
    <message>
        <source>%1 closed the connection.</source>
        <translation>%1 关闭了连接。</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>Connecting to %1 timed out after %2 s.</source>
        <translation>连接 %1 在 %2 秒后超时。</translation>
    </message>
    <message>
        <source>%1 reset the connection.</source>
        <translation>%1 重置了连接。</translation>
    </message>
    <message>
        <source>Connection to %1 failed: %2</source>
        <translation>到 %1 的连接失败：%2</translation>
    </message>
    <message>
        <source>Not sent: not connected.</source>
        <translation>未发送：未连接。</translation>
    </message>
    <message>
        <source>Not sent: %1 bytes already wait to be written to %2, which is not reading (at most %3 bytes wait).</source>
        <translation>未发送：已有 %1 字节等待写给 %2，而对方没有读取（最多等待 %3 字节）。</translation>
    </message>
    <message>
        <source>Cannot take over the connection: %1</source>
        <translation>无法接管该连接：%1</translation>
    </message>
</context>
<context>
    <name>NetPoke::Tcp::Connection</name>
    <message>
        <source>The connection was reset by the peer.</source>
        <translation>连接被对方重置。</translation>
    </message>
    <message>
        <source>The connection was refused: nothing listens on that port.</source>
        <translation>连接被拒绝：该端口上没有程序在监听。</translation>
    </message>
    <message>
        <source>The peer closed the connection.</source>
        <translation>对方关闭了连接。</translation>
    </message>
    <message>
        <source>The host was not found.</source>
        <translation>找不到主机。</translation>
    </message>
    <message>
        <source>The connection timed out.</source>
        <translation>连接超时。</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>网络错误：%1</translation>
    </message>
    <message>
        <source>The TLS handshake failed: %1</source>
        <translation>TLS 握手失败：%1</translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation>TLS 错误：%1</translation>
    </message>
</context>
<context>
    <name>NetPoke::Tcp::Server</name>
    <message>
        <source>Port %1 is already in use (%2).</source>
        <translation>端口 %1 已被占用（%2）。</translation>
    </message>
    <message>
        <source>Ports below 1024 need administrator rights.</source>
        <translation>1024 以下的端口需要管理员权限。</translation>
    </message>
    <message>
        <source>The system refused to open %1: %2</source>
        <translation>系统拒绝打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not an address of this machine.</source>
        <translation>%1 不是本机的地址。</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>无法在 %1 上监听：%2</translation>
    </message>
    <message>
        <source>Cannot read the certificate %1: %2</source>
        <translation>无法读取证书 %1：%2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>Cannot read the private key %1: %2</source>
        <translation>无法读取私钥 %1：%2</translation>
    </message>
    <message>
        <source>%1 holds no unencrypted PEM private key (EC, RSA or DSA).</source>
        <translation>%1 中没有未加密的 PEM 私钥（EC、RSA 或 DSA）。</translation>
    </message>
    <message>
        <source>Connection from %1 refused: the limit of %2 connections is reached.</source>
        <translation>已拒绝来自 %1 的连接：已达到 %2 个连接的上限。</translation>
    </message>
    <message>
        <source>closed by the peer</source>
        <translation>被对方关闭</translation>
    </message>
    <message>
        <source>reset by the peer</source>
        <translation>被对方重置</translation>
    </message>
    <message>
        <source>closed here</source>
        <translation>由本方关闭</translation>
    </message>
    <message>
        <source>Not sent to %1: %2 bytes already wait to be written and it is not reading (at most %3 bytes wait per connection).</source>
        <translation>未发送给 %1：已有 %2 字节等待写出而对方没有读取（每个连接最多等待 %3 字节）。</translation>
    </message>
</context>
<context>
    <name>NetPoke::TcpClientPanel</name>
    <message>
        <source>Send a file&apos;s bytes over the connection</source>
        <translation>通过连接发送一个文件的字节</translation>
    </message>
    <message>
        <source>TCP Client</source>
        <translation>TCP 客户端</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address of this machine: leave Local empty to let the system choose.</source>
        <translation>“%1”不是本机的 IP 地址：本地地址留空即由系统选择。</translation>
    </message>
    <message>
        <source>Enter the address or name of the host to connect to.</source>
        <translation>请输入要连接的主机地址或名称。</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>正在解析 %1…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>TLS handshake with %1…</source>
        <translation>正在与 %1 进行 TLS 握手…</translation>
    </message>
    <message>
        <source>Connected (TLS): %1 → %2</source>
        <translation>已连接（TLS）：%1 → %2</translation>
    </message>
    <message>
        <source>Connected: %1 → %2</source>
        <translation>已连接：%1 → %2</translation>
    </message>
    <message>
        <source>Closing…</source>
        <translation>正在关闭…</translation>
    </message>
    <message>
        <source>Closed. Reconnecting in %1 s…</source>
        <translation>已关闭。%1 秒后重新连接…</translation>
    </message>
    <message>
        <source>Closed.</source>
        <translation>已关闭。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Not connected: connect first, or use &quot;Connect, send, close&quot;.</source>
        <translation>未连接：请先连接，或使用“连接、发送、关闭”。</translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation>发送文件</translation>
    </message>
    <message>
        <source>%1 is %2: at most %3 can wait to be sent. Nothing was sent.</source>
        <translation>%1 有 %2：最多只能有 %3 等待发送。未发送任何数据。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>RX %1 in %2 reads (%3/s, %4 reads/s)</source>
        <translation>接收 %1，%2 次读取（%3/秒，%4 次读取/秒）</translation>
    </message>
    <message>
        <source>TX %1 (%2/s), %3 waiting</source>
        <translation>发送 %1（%2/秒），%3 等待发送</translation>
    </message>
    <message>
        <source>The peer sent no certificate (or no TLS handshake took place).</source>
        <translation>对端没有发送证书（或没有进行 TLS 握手）。</translation>
    </message>
    <message>
        <source>%1. %2
    issued by %3
    valid %4 to %5
    SHA-256 %6</source>
        <extracomment>One certificate of a chain: its number, subject, issuer, validity and SHA-256 fingerprint</extracomment>
        <translation>%1. %2
    颁发者 %3
    有效期 %4 至 %5
    SHA-256 %6</translation>
    </message>
    <message>
        <source>Certificate errors (ignored, as chosen):</source>
        <translation>证书错误（已按选择忽略）：</translation>
    </message>
    <message>
        <source>Certificate errors:</source>
        <translation>证书错误：</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <source>Text (*.txt);;CSV (*.csv)</source>
        <translation>文本 (*.txt);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>NetPoke::TcpConnectionModel</name>
    <message>
        <source>%1 (TLS)</source>
        <translation>%1（TLS）</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>连接时间</translation>
    </message>
    <message>
        <source>RX bytes</source>
        <translation>接收字节</translation>
    </message>
    <message>
        <source>TX bytes</source>
        <translation>发送字节</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>待发送</translation>
    </message>
</context>
<context>
    <name>NetPoke::TcpServerPanel</name>
    <message>
        <source>Opened, closed and refused connections are listed here.</source>
        <translation>建立、关闭和被拒绝的连接列在这里。</translation>
    </message>
    <message>
        <source>TLS certificate (PEM)</source>
        <translation>TLS 证书（PEM）</translation>
    </message>
    <message>
        <source>TLS private key (PEM)</source>
        <translation>TLS 私钥（PEM）</translation>
    </message>
    <message>
        <source>#%1 %2 connected%3</source>
        <translation>#%1 %2 已连接%3</translation>
    </message>
    <message>
        <source> (TLS)</source>
        <translation>（TLS）</translation>
    </message>
    <message>
        <source>#%1 %2 closed: %3 (RX %4, TX %5 bytes)</source>
        <translation>#%1 %2 已关闭：%3（接收 %4，发送 %5 字节）</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 被拒绝：%2</translation>
    </message>
    <message>
        <source>#%1 not sent: %2</source>
        <translation>#%1 未发送：%2</translation>
    </message>
    <message>
        <source>#%1 TLS: %2</source>
        <translation>#%1 TLS：%2</translation>
    </message>
    <message>
        <source>TCP Server</source>
        <translation>TCP 服务器</translation>
    </message>
    <message>
        <source>PEM (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address. Choose one from the list.</source>
        <translation>“%1”不是 IP 地址。请从列表中选择。</translation>
    </message>
    <message>
        <source>TLS needs both a certificate and its key (PEM files); leave both empty for plain TCP.</source>
        <translation>TLS 需要证书及其私钥（PEM 文件）；两者都留空即为普通 TCP。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>Listening on %1 (TLS)</source>
        <translation>正在监听 %1（TLS）</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message>
        <source>Not listening.</source>
        <translation>未监听。</translation>
    </message>
    <message numerus="yes">
        <source>%n more sends refused because write buffers were full.</source>
        <translation>
            <numerusform>另有 %n 次发送因写缓冲区已满被拒绝。</numerusform>
        </translation>
    </message>
    <message>
        <source>No connection to send to.</source>
        <translation>没有可发送的连接。</translation>
    </message>
    <message>
        <source>Select connections in the table, or tick &quot;Send to all&quot;.</source>
        <translation>请在表格中选择连接，或勾选“发送给全部”。</translation>
    </message>
    <message>
        <source>Sent to %1 of %2 connections: the others are gone or do not read (their write buffer of %3 is full); nothing was queued for them.</source>
        <extracomment>%1 of %2 connections</extracomment>
        <translation>已发送给 %2 个连接中的 %1 个：其余连接已断开或不读取数据（其 %3 的写缓冲区已满），没有为它们排队任何数据。</translation>
    </message>
    <message>
        <source>RX %1 in %2 reads (%3/s, %4 reads/s)</source>
        <translation>接收 %1，%2 次读取（%3/秒，%4 次读取/秒）</translation>
    </message>
    <message>
        <source>TX %1 (%2/s)</source>
        <translation>发送 %1（%2/秒）</translation>
    </message>
    <message>
        <source>%1 of at most %2 connections, %3 refused</source>
        <translation>%1 个连接（最多 %2 个），已拒绝 %3 个</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <source>Text (*.txt);;CSV (*.csv)</source>
        <translation>文本 (*.txt);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>NetPoke::TeachingBox</name>
    <message>
        <source>Teaching</source>
        <translation>教学</translation>
    </message>
    <message>
        <source>Packets per second</source>
        <translation>每秒包数</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <source>Drop every Nth packet</source>
        <translation>每 N 个包丢弃一个</translation>
    </message>
    <message>
        <source>none</source>
        <translation>不丢弃</translation>
    </message>
    <message>
        <source>Drop packets (%)</source>
        <translation>丢包率（%）</translation>
    </message>
    <message>
        <source>Slows this side&apos;s sends and loses some of its DATA and ACK packets on purpose, so that timeouts and retransmissions can be watched in the ladder.</source>
        <translation>放慢本端的发送，并故意丢弃部分 DATA 和 ACK 包，以便在时序图中观察超时和重传。</translation>
    </message>
</context>
<context>
    <name>NetPoke::Tftp::Client</name>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>the output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>No answer from the TFTP server at %1: timed out (retries: %n).</source>
        <translation>
            <numerusform>TFTP 服务器 %1 没有应答：重试 %n 次后超时。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The transfer timed out: the server at %1 stopped sending (retries: %n).</source>
        <translation>
            <numerusform>传输超时：服务器 %1 停止发送数据（已重试 %n 次）。</numerusform>
        </translation>
    </message>
    <message>
        <source>No TFTP server at %1: nothing listens on that port.</source>
        <translation>%1 上没有 TFTP 服务器：该端口上没有程序在监听。</translation>
    </message>
    <message>
        <source>The TFTP server at %1 went away during the transfer (its port %2 is closed).</source>
        <translation>TFTP 服务器 %1 在传输过程中消失了（其端口 %2 已关闭）。</translation>
    </message>
    <message>
        <source>The server&apos;s option answer is invalid: %1.</source>
        <translation>服务器的选项应答无效：%1。</translation>
    </message>
    <message>
        <source>an unexpected %1 packet</source>
        <translation>意外的 %1 包</translation>
    </message>
    <message>
        <source>The server sent %1.</source>
        <translation>服务器发来的包有误：%1。</translation>
    </message>
    <message>
        <source>%1 bytes from unknown port %2</source>
        <translation>来自未知端口 %2 的 %1 字节</translation>
    </message>
    <message>
        <source>File not found on the server (TFTP error 1).</source>
        <translation>服务器上找不到该文件（TFTP 错误 1）。</translation>
    </message>
    <message>
        <source>The server refused access to the file (TFTP error 2).</source>
        <translation>服务器拒绝访问该文件（TFTP 错误 2）。</translation>
    </message>
    <message>
        <source>The server&apos;s disk is full (TFTP error 3).</source>
        <translation>服务器磁盘已满（TFTP 错误 3）。</translation>
    </message>
    <message>
        <source>The server called the request illegal (TFTP error 4).</source>
        <translation>服务器认为该请求是非法操作（TFTP 错误 4）。</translation>
    </message>
    <message>
        <source>The server did not recognise this transfer (TFTP error 5).</source>
        <translation>服务器无法识别本次传输（TFTP 错误 5）。</translation>
    </message>
    <message>
        <source>The file already exists on the server (TFTP error 6).</source>
        <translation>服务器上已存在该文件（TFTP 错误 6）。</translation>
    </message>
    <message>
        <source>No such user on the server (TFTP error 7).</source>
        <translation>服务器上没有该用户（TFTP 错误 7）。</translation>
    </message>
    <message>
        <source>The server refused the transfer options (TFTP error 8). Try again without options (RFC 1350 only).</source>
        <translation>服务器拒绝了传输选项（TFTP 错误 8）。请不带选项重试（仅 RFC 1350）。</translation>
    </message>
    <message>
        <source>The server reported an error (TFTP error %1).</source>
        <translation>服务器报告了错误（TFTP 错误 %1）。</translation>
    </message>
    <message>
        <source>The server reported an error: %1 (TFTP error %2).</source>
        <translation>服务器报告了错误：%1（TFTP 错误 %2）。</translation>
    </message>
    <message>
        <source>The server said: &quot;%1&quot;.</source>
        <translation>服务器消息：“%1”。</translation>
    </message>
    <message>
        <source>The server answered with options that were not asked for (TFTP error 8).</source>
        <translation>服务器应答了未请求的选项（TFTP 错误 8）。</translation>
    </message>
    <message>
        <source>The server answered with the option &quot;%1&quot;, which was not asked for (TFTP error 8).</source>
        <translation>服务器应答了未请求的选项“%1”（TFTP 错误 8）。</translation>
    </message>
    <message>
        <source>The server chose %1 = %2, more than the %3 asked for (TFTP error 8).</source>
        <translation>服务器选择了 %1 = %2，超过了请求的 %3（TFTP 错误 8）。</translation>
    </message>
    <message>
        <source>The server sent block %1 with %2 bytes, more than the block size %3.</source>
        <translation>服务器发来的块 %1 有 %2 字节，超过了块大小 %3。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a usable address.</source>
        <translation>“%1”不是可用的地址。</translation>
    </message>
    <message>
        <source>Cannot open a UDP socket: %1</source>
        <translation>无法打开 UDP 套接字：%1</translation>
    </message>
    <message>
        <source>Cannot find the host &quot;%1&quot;: %2</source>
        <translation>找不到主机“%1”：%2</translation>
    </message>
    <message>
        <source>Enter the address or name of the TFTP server.</source>
        <translation>请输入 TFTP 服务器的地址或名称。</translation>
    </message>
    <message>
        <source>Port 0 cannot be a destination: TFTP servers listen on port 69.</source>
        <translation>端口 0 不能作为目标：TFTP 服务器监听的是端口 69。</translation>
    </message>
    <message>
        <source>Enter the name of the file to download.</source>
        <translation>请输入要下载的文件名。</translation>
    </message>
    <message>
        <source>The file name contains a NUL character.</source>
        <translation>文件名中含有 NUL 字符。</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>请选择文件的保存位置。</translation>
    </message>
    <message>
        <source>The output is not open for writing.</source>
        <translation>输出未以写入方式打开。</translation>
    </message>
    <message>
        <source>The transfer was cancelled.</source>
        <translation>传输已取消。</translation>
    </message>
    <message numerus="yes">
        <source>The server ended the transfer with a truncated ERROR packet (%n bytes, no error code).</source>
        <translation>
            <numerusform>服务器以一个不完整的 ERROR 包结束了传输（%n 字节，没有错误码）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused options (TFTP error 8): asking again without %1.</source>
        <translation>服务器拒绝了选项（TFTP 错误 8）：去掉 %1 后重新请求。</translation>
    </message>
    <message>
        <source>The server refused the options (TFTP error 8): asking again without options.</source>
        <translation>服务器拒绝了选项（TFTP 错误 8）：不带选项重新请求。</translation>
    </message>
    <message>
        <source>, expected %1</source>
        <translation>，应为块 %1</translation>
    </message>
    <message>
        <source>, duplicate</source>
        <translation>，重复</translation>
    </message>
    <message>
        <source>The server announced %L1 bytes, more than the size limit of %L2 bytes: the download was refused.</source>
        <translation>服务器声明文件为 %L1 字节，超过大小上限 %L2 字节：已拒绝下载。</translation>
    </message>
    <message>
        <source>The server sent more than the %L1 bytes it announced (tsize).</source>
        <translation>服务器发送的数据超过了它声明的 %L1 字节（tsize）。</translation>
    </message>
    <message>
        <source>The file is larger than the size limit of %L1 bytes: the download was stopped.</source>
        <translation>文件超过大小上限 %L1 字节：下载已停止。</translation>
    </message>
    <message numerus="yes">
        <source>The transfer timed out: the server at %1 stopped acknowledging (retries: %n).</source>
        <translation>
            <numerusform>传输超时：%1 上的服务器不再确认（重试 %n 次）。</numerusform>
        </translation>
    </message>
    <message>
        <source>A transfer is already running.</source>
        <translation>已有传输正在进行。</translation>
    </message>
    <message>
        <source>Enter the name for the file on the server.</source>
        <translation>请输入文件在服务器上的名称。</translation>
    </message>
    <message>
        <source>Choose the file to upload.</source>
        <translation>请选择要上传的文件。</translation>
    </message>
    <message>
        <source>The server acknowledged block %1 before any data was sent.</source>
        <translation>服务器在任何数据发送之前就确认了第 %1 块。</translation>
    </message>
    <message>
        <source>, for a block not sent</source>
        <translation>，确认的块尚未发送</translation>
    </message>
    <message>
        <source>%1 changed while it was being sent.</source>
        <translation>%1 在发送过程中被修改。</translation>
    </message>
</context>
<context>
    <name>NetPoke::Tftp::ClientOptions</name>
    <message>
        <source>Block size %1 is out of range: use auto or %2 to %3 bytes.</source>
        <translation>块大小 %1 超出范围：请使用 auto（自动）或 %2 到 %3 字节。</translation>
    </message>
    <message>
        <source>Window size %1 is out of range: use 0 (do not ask) to %2.</source>
        <translation>窗口大小 %1 超出范围：请使用 0（不请求）到 %2。</translation>
    </message>
    <message>
        <source>Window size %1 is too large: at most %2 (with 16-bit block numbers a larger window cannot tell a lost block from a repeated one).</source>
        <translation>窗口大小 %1 太大：最大为 %2（块号只有 16 位，窗口再大就无法区分丢失的块和重复的块）。</translation>
    </message>
    <message>
        <source>Timeout %1 ms is out of range: use 0 (adaptive) to %2 ms.</source>
        <translation>超时 %1 毫秒超出范围：请使用 0（自适应）到 %2 毫秒。</translation>
    </message>
    <message>
        <source>Retries %1 is out of range: use 0 to %2.</source>
        <translation>重试次数 %1 超出范围：请使用 0 到 %2。</translation>
    </message>
    <message>
        <source>Max size %1 is negative: use 0 (no limit) or a number of bytes.</source>
        <translation>大小上限 %1 为负数：请使用 0（不限）或字节数。</translation>
    </message>
</context>
<context>
    <name>NetPoke::Tftp::Dissector</name>
    <message>
        <source>block size in bytes, RFC 2348</source>
        <translation>块大小（字节），RFC 2348</translation>
    </message>
    <message>
        <source>retransmission timeout in seconds, RFC 2349</source>
        <translation>重传超时（秒），RFC 2349</translation>
    </message>
    <message>
        <source>transfer size in bytes, RFC 2349</source>
        <translation>传输大小（字节），RFC 2349</translation>
    </message>
    <message>
        <source>blocks per window, RFC 7440</source>
        <translation>每个窗口的块数，RFC 7440</translation>
    </message>
    <message>
        <source>an option NetPoke does not know: ignored, RFC 2347</source>
        <translation>NetPoke 不认识的选项：忽略，RFC 2347</translation>
    </message>
    <message>
        <source>Not kept</source>
        <translation>未保留</translation>
    </message>
    <message>
        <source>the trace kept the first %1 bytes of this packet</source>
        <translation>跟踪记录只保留了这个包的前 %1 字节</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>格式错误</translation>
    </message>
    <message>
        <source>the packet breaks here</source>
        <translation>包从这里开始出错</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Opcode</source>
        <translation>操作码</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>未知（%1）</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>块号</translation>
    </message>
    <message>
        <source>Trailing bytes</source>
        <translation>多余的字节</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>错误码</translation>
    </message>
    <message>
        <source>%1 (not defined by RFC 1350)</source>
        <translation>%1（RFC 1350 未定义）</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>错误信息</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>%1, after the message (ignored)</source>
        <translation>%1，位于错误信息之后（忽略）</translation>
    </message>
    <message>
        <source>Not defined, see error message</source>
        <translation>未定义，见错误信息</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>文件未找到</translation>
    </message>
    <message>
        <source>Access violation</source>
        <translation>访问违例</translation>
    </message>
    <message>
        <source>Disk full or allocation exceeded</source>
        <translation>磁盘已满或超出分配</translation>
    </message>
    <message>
        <source>Illegal TFTP operation</source>
        <translation>非法的 TFTP 操作</translation>
    </message>
    <message>
        <source>Unknown transfer ID</source>
        <translation>未知的传输 ID</translation>
    </message>
    <message>
        <source>File already exists</source>
        <translation>文件已存在</translation>
    </message>
    <message>
        <source>No such user</source>
        <translation>没有该用户</translation>
    </message>
    <message>
        <source>Option negotiation refused, RFC 2347</source>
        <translation>选项协商被拒绝，RFC 2347</translation>
    </message>
</context>
<context>
    <name>NetPoke::Tftp::Packet</name>
    <message>
        <source>DATA %1 (%2 bytes)</source>
        <extracomment>A trace line: DATA stays the protocol&apos;s name; %1 the block number, %2 the data bytes</extracomment>
        <translation>DATA %1（%2 字节）</translation>
    </message>
</context>
<context>
    <name>NetPoke::Tftp::Request</name>
    <message>
        <source>not a request (no answer)</source>
        <translation>不是请求（不应答）</translation>
    </message>
    <message>
        <source>not a request (DATA, ACK or OACK on the request port)</source>
        <translation>不是请求（请求端口收到 DATA、ACK 或 OACK）</translation>
    </message>
    <message>
        <source>unknown opcode</source>
        <translation>未知操作码</translation>
    </message>
    <message>
        <source>malformed request (a field without its NUL byte)</source>
        <translation>请求格式错误（某字段缺少结尾的 NUL 字节）</translation>
    </message>
    <message>
        <source>empty file name</source>
        <translation>文件名为空</translation>
    </message>
    <message numerus="yes">
        <source>file name longer than %n bytes</source>
        <translation>
            <numerusform>文件名超过 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown transfer mode (not octet or netascii)</source>
        <translation>未知传输模式（不是 octet 或 netascii）</translation>
    </message>
    <message>
        <source>mail mode is not served</source>
        <translation>不支持 mail 模式</translation>
    </message>
</context>
<context>
    <name>NetPoke::Tftp::Root</name>
    <message>
        <source>No folder to serve was given.</source>
        <translation>未指定要共享的文件夹。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>Cannot use the folder %1: %2</source>
        <translation>无法使用文件夹 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 不是文件夹。</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>名称过长</translation>
    </message>
    <message>
        <source>outside the root folder</source>
        <translation>在根文件夹之外</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>没有这个文件</translation>
    </message>
    <message>
        <source>no such folder (folders are not created)</source>
        <translation>没有这个文件夹（不会创建文件夹）</translation>
    </message>
    <message>
        <source>not a regular file (a folder, device, FIFO or socket)</source>
        <translation>不是普通文件（而是文件夹、设备、FIFO 或套接字）</translation>
    </message>
    <message>
        <source>a symbolic link (uploads never replace links)</source>
        <translation>是符号链接（上传从不替换链接）</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>the file exists (overwriting is off)</source>
        <translation>文件已存在（未允许覆盖）</translation>
    </message>
    <message>
        <source>the name is not valid in this system&apos;s file name encoding</source>
        <translation>该名称在本系统的文件名编码中无效</translation>
    </message>
    <message>
        <source>the file cannot be opened</source>
        <translation>无法打开该文件</translation>
    </message>
</context>
<context>
    <name>NetPoke::Tftp::Server</name>
    <message>
        <source>upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>%1 MiB/s</source>
        <translation>%1 MiB/秒</translation>
    </message>
    <message>
        <source>%1 KiB/s</source>
        <translation>%1 KiB/秒</translation>
    </message>
    <message>
        <source>%1 B/s</source>
        <translation>%1 字节/秒</translation>
    </message>
    <message>
        <source>Choose the folder to serve.</source>
        <translation>请选择要共享的文件夹。</translation>
    </message>
    <message>
        <source>Give the address to listen on (127.0.0.1 for this machine only, :: for all).</source>
        <translation>请给出监听地址（127.0.0.1 仅本机，:: 为全部地址）。</translation>
    </message>
    <message>
        <source>At most %1 transfers at once is out of range: use 1 to 10000.</source>
        <translation>同时传输数上限 %1 超出范围：请使用 1 到 10000。</translation>
    </message>
    <message>
        <source>The transfer port range %1-%2 is not valid: give two ports from 1 to 65535, the first not above the second.</source>
        <translation>传输端口范围 %1-%2 无效：请给出 1 到 65535 之间的两个端口，且前者不大于后者。</translation>
    </message>
    <message>
        <source>The upload size limit cannot be negative (0: no limit).</source>
        <translation>上传大小上限不能为负数（0 表示不限）。</translation>
    </message>
    <message>
        <source>Timeout %1 ms is out of range: use 0 (adaptive) to %2 ms.</source>
        <translation>超时 %1 毫秒超出范围：请使用 0（自适应）到 %2 毫秒。</translation>
    </message>
    <message>
        <source>The longest timeout a client may ask for, %1 s, is out of range: use 0 (none) to %2 s.</source>
        <translation>客户端可请求的最长超时 %1 秒超出范围：请使用 0（不接受）到 %2 秒。</translation>
    </message>
    <message>
        <source>Retries %1 is out of range: use 0 to %2.</source>
        <translation>重试次数 %1 超出范围：请使用 0 到 %2。</translation>
    </message>
    <message>
        <source>The largest block size %1 is out of range: use %2 to %3 bytes.</source>
        <translation>最大块大小 %1 超出范围：请使用 %2 到 %3 字节。</translation>
    </message>
    <message>
        <source>The largest window size %1 is out of range: use 0 (not offered) to %2.</source>
        <translation>最大窗口大小 %1 超出范围：请使用 0（不提供）到 %2。</translation>
    </message>
    <message>
        <source>Port %1 is already in use (%2).</source>
        <translation>端口 %1 已被占用（%2）。</translation>
    </message>
    <message>
        <source>Port %1 is a privileged port: serving on it needs administrator rights (root or the CAP_NET_BIND_SERVICE capability).</source>
        <translation>端口 %1 是特权端口：在其上提供服务需要管理员权限（root 或 CAP_NET_BIND_SERVICE 能力）。</translation>
    </message>
    <message>
        <source>The system refused to open %1: %2</source>
        <translation>系统拒绝打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not an address of this machine.</source>
        <translation>%1 不是本机的地址。</translation>
    </message>
    <message>
        <source>Cannot listen on %1: the system does not support it (%2).</source>
        <translation>无法在 %1 上监听：系统不支持（%2）。</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>无法在 %1 上监听：%2</translation>
    </message>
    <message>
        <source>uploads are not allowed</source>
        <translation>不允许上传</translation>
    </message>
    <message numerus="yes">
        <source>server busy (%n transfers running)</source>
        <translation>
            <numerusform>服务器繁忙（%n 个传输正在进行）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 &quot;%3&quot; refused: %4 (TFTP error %5)</source>
        <translation>%1 %2“%3”被拒绝：%4（TFTP 错误 %5）</translation>
    </message>
    <message>
        <source>%1 refused: %2 (TFTP error %3)</source>
        <translation>%1 被拒绝：%2（TFTP 错误 %3）</translation>
    </message>
    <message>
        <source>%1 more refused requests not logged (at most %2 are logged a second)</source>
        <translation>另有 %1 个被拒绝的请求未记录（每秒最多记录 %2 个）</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>%1 %2 &quot;%3&quot; %4: %5 bytes in %6 s (%7), %8 retransmissions, %9</source>
        <translation>%1 %2“%3”%4：%5 字节，用时 %6 秒（%7），重传 %8 次，%9</translation>
    </message>
    <message>
        <source>the server stopped</source>
        <translation>服务器已停止</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>no free port in the transfer port range %1-%2</source>
        <translation>传输端口范围 %1-%2 中没有空闲端口</translation>
    </message>
    <message>
        <source>cannot open a transfer socket: %1</source>
        <translation>无法打开传输套接字：%1</translation>
    </message>
    <message>
        <source>larger than the upload limit of %1 bytes (tsize %2)</source>
        <translation>超过上传上限 %1 字节（tsize %2）</translation>
    </message>
    <message>
        <source>cannot create the file: %1</source>
        <translation>无法创建文件：%1</translation>
    </message>
    <message numerus="yes">
        <source>… %n more trace entries not kept</source>
        <translation>
            <numerusform>… 另有 %n 条跟踪记录未保留</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>timed out: no answer from the client (retries: %n)</source>
        <translation>
            <numerusform>超时：客户端无应答（重试 %n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>the client sent a packet that does not belong in this transfer</source>
        <translation>客户端发送了不属于本次传输的数据包</translation>
    </message>
    <message>
        <source>the client went away (its port %1 is closed)</source>
        <translation>客户端已离开（其端口 %1 已关闭）</translation>
    </message>
    <message numerus="yes">
        <source>%n bytes from unknown port %1, answered with ERROR 5</source>
        <translation>
            <numerusform>来自未知端口 %1 的 %n 字节，已回复 ERROR 5</numerusform>
        </translation>
    </message>
    <message>
        <source>the client refused the options (TFTP error 8)</source>
        <translation>客户端拒绝了选项（TFTP 错误 8）</translation>
    </message>
    <message>
        <source>the client ended the transfer (TFTP error %1)</source>
        <translation>客户端终止了传输（TFTP 错误 %1）</translation>
    </message>
    <message>
        <source>saying &quot;%1&quot;</source>
        <translation>消息为“%1”</translation>
    </message>
    <message>
        <source>, nothing new (not answered)</source>
        <translation>，无新内容（不应答）</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>the client sent block %1 with %2 bytes, more than the block size %3</source>
        <translation>客户端发送的第 %1 块有 %2 字节，超过块大小 %3</translation>
    </message>
    <message>
        <source>larger than the upload limit of %1 bytes</source>
        <translation>超过上传上限 %1 字节</translation>
    </message>
    <message>
        <source>, expected %1</source>
        <translation>，应为块 %1</translation>
    </message>
    <message>
        <source>, duplicate</source>
        <translation>，重复</translation>
    </message>
    <message>
        <source>cannot write the file: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
    <message>
        <source>the file was created by someone else during the upload (overwriting is off)</source>
        <translation>上传期间该文件已被他人创建（未允许覆盖）</translation>
    </message>
    <message>
        <source>cannot save the file: %1</source>
        <translation>无法保存文件：%1</translation>
    </message>
</context>
<context>
    <name>NetPoke::Tftp::Sink</name>
    <message>
        <source>it is a symbolic link to the folder %1</source>
        <translation>它是指向文件夹 %1 的符号链接</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>它是一个文件夹</translation>
    </message>
    <message>
        <source>no process has the FIFO open for reading</source>
        <translation>没有进程以读方式打开该 FIFO</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>文件夹 %1 不存在</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 不是文件夹</translation>
    </message>
    <message>
        <source>the file system does not allow new files there</source>
        <translation>该文件系统不允许在此创建新文件</translation>
    </message>
    <message>
        <source>a temporary file cannot be created in %1 (%2)</source>
        <translation>无法在 %1 中创建临时文件（%2）</translation>
    </message>
</context>
<context>
    <name>NetPoke::Tftp::Source</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device, FIFO or socket).</source>
        <translation>%1 不是普通文件（而是设备、FIFO 或套接字）。</translation>
    </message>
    <message>
        <source>Block %1 cannot be read.</source>
        <translation>无法读取第 %1 块。</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>Block %1 is further back than the window.</source>
        <translation>第 %1 块已超出窗口范围。</translation>
    </message>
</context>
<context>
    <name>NetPoke::Tftp::TeachingOptions</name>
    <message>
        <source>Teaching pace %1 packets a second is not valid: use 0 (not paced) to %2.</source>
        <translation>教学速度每秒 %1 个包无效：请使用 0（不限速）到 %2。</translation>
    </message>
    <message>
        <source>Dropping every %1th packet is not valid: use 0 (none) or 2 to %2.</source>
        <translation>每 %1 个包丢弃一个无效：请使用 0（不丢弃）或 2 到 %2。</translation>
    </message>
    <message>
        <source>A loss of %1 % is not valid: use 0 to 100.</source>
        <translation>丢包率 %1 % 无效：请使用 0 到 100。</translation>
    </message>
    <message>
        <source> — dropped (teaching)</source>
        <translation> — 已丢弃（教学）</translation>
    </message>
</context>
<context>
    <name>NetPoke::Tftp::Trace</name>
    <message>
        <source>… 1 block not shown</source>
        <translation>… 1 个块未显示</translation>
    </message>
    <message>
        <source>… %1 blocks not shown</source>
        <translation>… %1 个块未显示</translation>
    </message>
</context>
<context>
    <name>NetPoke::TftpPanel</name>
    <message>
        <source>Throughput (MiB/s)</source>
        <translation>吞吐量（MiB/秒）</translation>
    </message>
    <message>
        <source>Retransmission</source>
        <translation>重传</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation>MiB/秒</translation>
    </message>
    <message>
        <source>Save the download as</source>
        <translation>下载文件另存为</translation>
    </message>
    <message>
        <source>Enter the name of the file to download.</source>
        <translation>请输入要下载的文件名。</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>请选择文件的保存位置。</translation>
    </message>
    <message>
        <source>%1 is a folder: enter a file name.</source>
        <translation>%1 是文件夹：请输入文件名。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it when the download succeeds?</source>
        <translation>%1 已存在。下载成功后替换它吗？</translation>
    </message>
    <message>
        <source>Block size &quot;%1&quot; is not valid: use auto or a number from 8 to 65464.</source>
        <translation>块大小“%1”无效：请选择“自动”或填写 8 到 65464 之间的数字。</translation>
    </message>
    <message>
        <source>%1% (%2 of %3)</source>
        <translation>%1%（%2 / %3）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>(retransmission)</source>
        <translation>（重传）</translation>
    </message>
    <message>
        <source>100% (%1)</source>
        <translation>100%（%1）</translation>
    </message>
    <message>
        <source>No file was written; an existing file of that name is unchanged.</source>
        <translation>未写入任何文件；已有的同名文件保持不变。</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Downloaded %1 in %2 (average %3), retransmissions: %n. Saved as %4.</source>
        <translation>
            <numerusform>已下载 %1，用时 %2（平均 %3），重传 %n 次。已保存为 %4。</numerusform>
        </translation>
    </message>
    <message>
        <source>TFTP</source>
        <translation>TFTP</translation>
    </message>
    <message>
        <source>Write in place?</source>
        <translation>直接写入？</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device or FIFO). Write the download into it as it arrives?</source>
        <translation>%1 不是普通文件（而是设备或 FIFO）。要在数据到达时直接写入它吗？</translation>
    </message>
    <message>
        <source>What arrived before the failure was written into %1 (a device or FIFO is written in place).</source>
        <translation>失败前收到的数据已写入 %1（设备或 FIFO 会被直接写入）。</translation>
    </message>
    <message>
        <source>Send the file size (tsize, octet mode only)</source>
        <translation>发送文件大小（tsize，仅 octet 模式）</translation>
    </message>
    <message>
        <source>Choose the file to upload</source>
        <translation>选择要上传的文件</translation>
    </message>
    <message>
        <source>Enter the name for the file on the server.</source>
        <translation>请输入文件在服务器上的名称。</translation>
    </message>
    <message>
        <source>Choose the file to upload.</source>
        <translation>请选择要上传的文件。</translation>
    </message>
    <message numerus="yes">
        <source>Uploaded %1 in %2 (average %3), retransmissions: %n. Sent as %4.</source>
        <translation>
            <numerusform>已上传 %1，用时 %2（平均 %3），重传 %n 次。服务器上的名称为 %4。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server may keep the part it received.</source>
        <translation>服务器可能保留了已收到的部分。</translation>
    </message>
    <message>
        <source>%1.%2 s</source>
        <extracomment>A duration in seconds with one decimal, e.g. &quot;3.2 s&quot;</extracomment>
        <translation>%1.%2 秒</translation>
    </message>
    <message>
        <source>%1/s</source>
        <extracomment>A rate: %1 is a data size such as &quot;1.5 MiB&quot;</extracomment>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>Upload %1</source>
        <translation>上传 %1</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>下载 %1</translation>
    </message>
</context>
<context>
    <name>NetPoke::TftpServerPanel</name>
    <message>
        <source>Folder to serve</source>
        <translation>要共享的文件夹</translation>
    </message>
    <message>
        <source>Serving %1 on %2</source>
        <translation>正在 %2 上共享 %1</translation>
    </message>
    <message>
        <source>Not serving. Choose a folder and press Start.</source>
        <translation>未在服务。请选择文件夹并按“开始”。</translation>
    </message>
    <message>
        <source>Running: %1   Finished: %2   Failed: %3</source>
        <translation>进行中：%1   已完成：%2   失败：%3</translation>
    </message>
    <message>
        <source>Packet trace</source>
        <translation>数据包跟踪</translation>
    </message>
    <message>
        <source>Select a transfer to see its packets: RRQ or WRQ, OACK, DATA n, ACK n, ERROR.</source>
        <translation>选择一个传输以查看其数据包：RRQ 或 WRQ、OACK、DATA n、ACK n、ERROR。</translation>
    </message>
    <message>
        <source>Packet trace: %1 %2 &quot;%3&quot;</source>
        <translation>数据包跟踪：%1 %2“%3”</translation>
    </message>
    <message>
        <source>A refused request has no trace: the server answered it with one ERROR packet.</source>
        <translation>被拒绝的请求没有跟踪记录：服务器只回复了一个 ERROR 包。</translation>
    </message>
    <message numerus="yes">
        <source>The server keeps the traces of the running transfers and of the last %n that ended.</source>
        <translation>
            <numerusform>服务器保留进行中的传输以及最近结束的 %n 个传输的跟踪记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>TFTP Server</source>
        <translation>TFTP 服务器</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;</source>
        <translation>%1“%2”</translation>
    </message>
</context>
<context>
    <name>NetPoke::TftpTransferModel</name>
    <message>
        <source>download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>negotiating</source>
        <translation>协商中</translation>
    </message>
    <message>
        <source>transferring</source>
        <translation>传输中</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节数</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>%1/s</source>
        <extracomment>A rate: %1 is a data size such as &quot;1.5 MiB&quot;</extracomment>
        <translation>%1/秒</translation>
    </message>
</context>
<context>
    <name>NetPoke::Theme</name>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>NetPoke::UdpEndpoint</name>
    <message>
        <source>The system refused to open %1: %2</source>
        <translation>系统拒绝打开 %1：%2</translation>
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
        <source>%1 bytes do not fit in one UDP datagram: the limit is %2 bytes over %3.</source>
        <translation>%1 字节放不进一个 UDP 数据报：%3 下最多 %2 字节。</translation>
    </message>
    <message>
        <source>The datagram is too large for the path to %1.</source>
        <translation>数据报太大，无法发往 %1。</translation>
    </message>
    <message>
        <source>Sending to %1 failed: %2</source>
        <translation>发送到 %1 失败：%2</translation>
    </message>
    <message>
        <source>Cannot find the host &quot;%1&quot;: %2</source>
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
    <message>
        <source>Port %1 is already in use (%2).</source>
        <translation>端口 %1 已被占用（%2）。</translation>
    </message>
    <message>
        <source>Ports below 1024 need administrator rights.</source>
        <translation>1024 以下的端口需要管理员权限。</translation>
    </message>
    <message>
        <source>%1 is not an address of this machine.</source>
        <translation>%1 不是本机的地址。</translation>
    </message>
    <message>
        <source>Port 0 cannot be a destination.</source>
        <translation>端口 0 不能作为目标。</translation>
    </message>
    <message>
        <source>%1 looks like a broadcast address, and sending to broadcast addresses is off.</source>
        <translation>%1 看起来是广播地址，而向广播地址发送未开启。</translation>
    </message>
    <message>
        <source>This socket is bound to an IPv4 address and cannot send to the IPv6 address %1.</source>
        <translation>此套接字绑定在 IPv4 地址上，无法发送到 IPv6 地址 %1。</translation>
    </message>
    <message>
        <source>This socket is bound to an IPv6 address and cannot send to the IPv4 address %1.</source>
        <translation>此套接字绑定在 IPv6 地址上，无法发送到 IPv4 地址 %1。</translation>
    </message>
    <message>
        <source>Nothing is listening at %1: the other side answered &quot;port unreachable&quot; (ICMP).</source>
        <translation>%1 上没有程序在监听：对方回应了“端口不可达”（ICMP）。</translation>
    </message>
</context>
<context>
    <name>NetPoke::UdpPanel</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Default interface</source>
        <translation>默认网卡</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address. Choose one from the list.</source>
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
        <source>&quot;%1&quot; is not a multicast group: use 224.0.0.0-239.255.255.255 or an IPv6 address starting with ff.</source>
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
    <message>
        <source>Same as Send</source>
        <translation>与发送相同</translation>
    </message>
    <message>
        <source>Bound to %1 (opened automatically for sending)</source>
        <translation>已绑定 %1（为发送而自动打开）</translation>
    </message>
    <message>
        <source>Joined, but the socket is bound to %1: only this machine&apos;s own multicast traffic can reach it. Close and bind to 0.0.0.0 or :: to receive the group from the network.</source>
        <translation>已加入，但套接字绑定在 %1 上：只能收到本机自己发出的组播数据。请关闭后绑定到 0.0.0.0 或 ::，以接收来自网络的组播数据。</translation>
    </message>
    <message>
        <source>Joined, but the socket is bound to %1: datagrams addressed to the group may not reach it. Close and bind to 0.0.0.0 or :: to receive the group.</source>
        <translation>已加入，但套接字绑定在 %1 上：发往该组的数据报可能收不到。请关闭后绑定到 0.0.0.0 或 ::，以接收该组的数据。</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
</context>
<context>
    <name>OwnSockets</name>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>unconnected</source>
        <translation>未连接</translation>
    </message>
</context>
<context>
    <name>ParseResult</name>
    <message>
        <source>%1 packet: option name not terminated by a NUL byte</source>
        <translation>%1 包：选项名没有以 NUL 字节结尾</translation>
    </message>
    <message>
        <source>%1 packet: empty option name</source>
        <translation>%1 包：选项名为空</translation>
    </message>
    <message>
        <source>%1 packet: value of option &quot;%2&quot; not terminated by a NUL byte</source>
        <translation>%1 包：选项“%2”的值没有以 NUL 字节结尾</translation>
    </message>
    <message>
        <source>%1 packet: option &quot;%2&quot; appears twice</source>
        <translation>%1 包：选项“%2”出现了两次</translation>
    </message>
    <message>
        <source>%1 packet: bad value &quot;%2&quot; for option &quot;%3&quot;</source>
        <translation>%1 包：选项“%3”的值“%2”无效</translation>
    </message>
    <message>
        <source>packet of %1 bytes: too short for an opcode</source>
        <translation>%1 字节的包：太短，放不下操作码</translation>
    </message>
    <message>
        <source>%1 packet: too short</source>
        <translation>%1 包：太短</translation>
    </message>
    <message>
        <source>%1 packet: file name not terminated by a NUL byte</source>
        <translation>%1 包：文件名没有以 NUL 字节结尾</translation>
    </message>
    <message>
        <source>%1 packet: empty file name</source>
        <translation>%1 包：文件名为空</translation>
    </message>
    <message>
        <source>%1 packet: mode not terminated by a NUL byte</source>
        <translation>%1 包：模式没有以 NUL 字节结尾</translation>
    </message>
    <message>
        <source>%1 packet: unknown mode &quot;%2&quot;</source>
        <translation>%1 包：未知模式“%2”</translation>
    </message>
    <message>
        <source>DATA packet of %1 bytes: too short for a block number</source>
        <translation>%1 字节的 DATA 包：太短，放不下块号</translation>
    </message>
    <message>
        <source>ACK packet of %1 bytes: too short for a block number</source>
        <translation>%1 字节的 ACK 包：太短，放不下块号</translation>
    </message>
    <message>
        <source>ACK packet: %1 bytes after the block number</source>
        <translation>ACK 包：块号后面多出 %1 字节</translation>
    </message>
    <message>
        <source>ERROR packet of %1 bytes: too short for an error code</source>
        <translation>%1 字节的 ERROR 包：太短，放不下错误码</translation>
    </message>
    <message>
        <source>ERROR packet: message not terminated by a NUL byte</source>
        <translation>ERROR 包：错误信息没有以 NUL 字节结尾</translation>
    </message>
    <message>
        <source>unknown opcode %1</source>
        <translation>未知操作码 %1</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <extracomment>The kind of a folder in the file dialog (Qt&apos;s own text)</extracomment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Drive</source>
        <extracomment>The kind of a drive in the file dialog (Qt&apos;s own text)</extracomment>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>Unknown</source>
        <extracomment>The kind of a file of an unknown type in the file dialog (Qt&apos;s own text)</extracomment>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>SendBox</name>
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
        <source>Used for the text you send, and for showing what is received while the log&apos;s encoding is &quot;Same as Send&quot;. Chinese classroom scripts usually use GB2312.</source>
        <translation>用于编码发送的文字；日志编码为“与发送相同”时，也用于显示收到的数据。中文课堂脚本通常使用 GB2312。</translation>
    </message>
    <message>
        <source>Understand \r \n \t \\ \0, \xHH (a raw byte) and \uXXXX (a character) in the text: the log shows received text the same way.</source>
        <translation>识别文本中的 \r \n \t \\ \0、\xHH（一个原始字节）和 \uXXXX（一个字符）：日志也以同样方式显示收到的文本。</translation>
    </message>
    <message>
        <source>Escapes</source>
        <translation>转义符</translation>
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
        <source>Every</source>
        <translation>每隔</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Send file…</source>
        <translation>发送文件…</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>发送（Ctrl+Enter）</translation>
    </message>
</context>
<context>
    <name>TcpClientPanel</name>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>IPv4, IPv6 or host name</source>
        <translation>IPv4、IPv6 地址或主机名</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>any address</source>
        <translation>任意地址</translation>
    </message>
    <message>
        <source>The local address to connect from; empty lets the system choose.</source>
        <translation>发起连接所用的本地地址；留空由系统选择。</translation>
    </message>
    <message>
        <source>The local port to connect from; 0 lets the system choose.</source>
        <translation>发起连接所用的本地端口；0 表示由系统选择。</translation>
    </message>
    <message>
        <source>Connect, send, close</source>
        <translation>连接、发送、关闭</translation>
    </message>
    <message>
        <source>Connect, send what the Send box holds, then close the connection.</source>
        <translation>连接，发送发送区中的内容，然后关闭连接。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Reconnect automatically</source>
        <translation>自动重连</translation>
    </message>
    <message>
        <source>After a failure or a close by the peer, connect again: after 1 s, then twice as long each time, up to 30 s.</source>
        <translation>失败或对端关闭后重新连接：先等 1 秒，之后每次加倍，最长 30 秒。</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>Give up connecting after this long; 0 waits as long as the system does.</source>
        <translation>超过这个时间就放弃连接；0 表示与系统等待的时间相同。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>No delay (TCP_NODELAY)</source>
        <translation>无延迟（TCP_NODELAY）</translation>
    </message>
    <message>
        <source>Send small writes at once instead of collecting them (Nagle&apos;s algorithm off).</source>
        <translation>小块数据立即发送，不攒在一起（关闭 Nagle 算法）。</translation>
    </message>
    <message>
        <source>Keepalive</source>
        <translation>保活</translation>
    </message>
    <message>
        <source>Probe an idle connection (SO_KEEPALIVE), so a dead peer is noticed.</source>
        <translation>探测空闲连接（SO_KEEPALIVE），以便发现已失效的对端。</translation>
    </message>
    <message>
        <source>idle </source>
        <translation>空闲 </translation>
    </message>
    <message>
        <source>every </source>
        <translation>每隔 </translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Encrypt the connection (TLS over TCP).</source>
        <translation>加密连接（基于 TCP 的 TLS）。</translation>
    </message>
    <message>
        <source>Ignore certificate errors</source>
        <translation>忽略证书错误</translation>
    </message>
    <message>
        <source>Accept any certificate, also one that is expired, self-signed or for another name. Only for tests: the connection is no longer protected against a man in the middle.</source>
        <translation>接受任何证书，包括过期、自签名或属于其他名称的证书。仅用于测试：连接将无法防范中间人攻击。</translation>
    </message>
    <message>
        <source>Certificate…</source>
        <translation>证书…</translation>
    </message>
    <message>
        <source>The peer&apos;s certificate chain and the TLS errors of the last handshake.</source>
        <translation>对端的证书链和上一次握手的 TLS 错误。</translation>
    </message>
</context>
<context>
    <name>TcpCommand</name>
    <message>
        <source>TLS: ignoring certificate errors (--insecure): %1</source>
        <translation>TLS：忽略证书错误（--insecure）：%1</translation>
    </message>
    <message>
        <source>connected to %1 from %2%3</source>
        <translation>已从 %2 连接到 %1%3</translation>
    </message>
    <message>
        <source> (TLS)</source>
        <translation>（TLS）</translation>
    </message>
    <message>
        <source>cannot read standard input: %1</source>
        <translation>无法读取标准输入：%1</translation>
    </message>
    <message>
        <source>cannot write the output.</source>
        <translation>无法写出输出。</translation>
    </message>
    <message>
        <source>connection %1 from %2</source>
        <translation>连接 %1 来自 %2</translation>
    </message>
    <message>
        <source>connection %1 from %2 ended (%3): %4 bytes received, %5 sent</source>
        <translation>来自 %2 的连接 %1 已结束（%3）：收到 %4 字节，发送 %5 字节</translation>
    </message>
    <message>
        <source>Choose another port, or 0 to let the system choose.</source>
        <translation>请选择其他端口，或用 0 让系统选择。</translation>
    </message>
    <message>
        <source>listening on %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message>
        <source>connect to HOST:PORT: standard input to the socket, the socket to standard output</source>
        <translation>连接到 HOST:PORT：标准输入发往套接字，套接字收到的写到标准输出</translation>
    </message>
    <message>
        <source>Encoding of the text: %1. Default: UTF-8.</source>
        <translation>文本编码：%1。默认：UTF-8。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Connect to HOST:PORT over TCP, send standard input and print what arrives (as nc does).</source>
        <translation>通过 TCP 连接到 HOST:PORT，发送标准输入并打印收到的内容（同 nc）。</translation>
    </message>
    <message>
        <source>Without --raw, each line received is printed as visible text (its line end not shown; a backslash as \\, control characters as \xHH, bytes that do not decode as \xHH), so a peer cannot send escape sequences to the terminal; input is sent in --encoding.</source>
        <translation>不加 --raw 时，收到的每一行以可见文本打印（不显示行尾；反斜杠写作 \\，控制字符写作 \xHH，无法解码的字节写作 \xHH），因此对方无法向终端发送转义序列；输入按 --encoding 发送。</translation>
    </message>
    <message>
        <source>At the end of standard input the sending side is closed (FIN) and the program waits for the peer to close; when the peer closes, it exits after writing everything out.</source>
        <translation>标准输入结束时关闭发送方向（FIN）并等待对方关闭；对方关闭后，写出全部内容再退出。</translation>
    </message>
    <message>
        <source>Exit status: 0 the connection ended normally, 1 failed (refused, reset, TLS, ...), 2 bad arguments.</source>
        <translation>退出状态：0 连接正常结束，1 失败（被拒绝、被重置、TLS……），2 参数错误。</translation>
    </message>
    <message>
        <source>Connect from this local address and port (e.g. 127.0.0.1:0, [::1]:5000, or just a port).</source>
        <translation>从此本地地址和端口发起连接（如 127.0.0.1:0、[::1]:5000，或只写端口）。</translation>
    </message>
    <message>
        <source>[ADDR:]PORT</source>
        <translation>[地址:]端口</translation>
    </message>
    <message>
        <source>Print each read as hex bytes (&quot;c4 e3 ba c3&quot;).</source>
        <translation>以十六进制字节打印每次读取（“c4 e3 ba c3”）。</translation>
    </message>
    <message>
        <source>Use TLS; the certificate must be valid for HOST.</source>
        <translation>使用 TLS；证书必须对 HOST 有效。</translation>
    </message>
    <message>
        <source>With --tls: accept any certificate (the errors are still printed).</source>
        <translation>与 --tls 一起：接受任何证书（仍会打印错误）。</translation>
    </message>
    <message>
        <source>Turn off Nagle&apos;s algorithm (TCP_NODELAY).</source>
        <translation>关闭 Nagle 算法（TCP_NODELAY）。</translation>
    </message>
    <message>
        <source>Send keepalive probes after SEC idle seconds, then every SEC seconds.</source>
        <translation>空闲 SEC 秒后发送保活探测，之后每 SEC 秒一次。</translation>
    </message>
    <message>
        <source>SEC</source>
        <translation>SEC</translation>
    </message>
    <message>
        <source>Copy exact bytes both ways, with no conversion.</source>
        <translation>双向原样复制字节，不做任何转换。</translation>
    </message>
    <message>
        <source>Give up connecting after SEC seconds. Default: 10.</source>
        <translation>SEC 秒后放弃连接。默认：10。</translation>
    </message>
    <message>
        <source>Where to connect, e.g. 127.0.0.1:7, [::1]:7, localhost:7.</source>
        <translation>连接目标，如 127.0.0.1:7、[::1]:7、localhost:7。</translation>
    </message>
    <message>
        <source>tcp connect: give HOST:PORT (see --help).</source>
        <translation>tcp connect：请给出 HOST:PORT（见 --help）。</translation>
    </message>
    <message>
        <source>tcp connect: unexpected argument &quot;%1&quot;.</source>
        <translation>tcp connect：多余的参数“%1”。</translation>
    </message>
    <message>
        <source>--raw copies bytes unchanged; --hex and --encoding do not apply.</source>
        <translation>--raw 原样复制字节；--hex 和 --encoding 不适用。</translation>
    </message>
    <message>
        <source>--insecure applies to --tls only.</source>
        <translation>--insecure 只适用于 --tls。</translation>
    </message>
    <message>
        <source>--keepalive: &quot;%1&quot; is not a number of seconds (1 to 86400).</source>
        <translation>--keepalive：“%1”不是秒数（1 到 86400）。</translation>
    </message>
    <message>
        <source>--connect-timeout: &quot;%1&quot; is not a number of seconds (more than 0).</source>
        <translation>--connect-timeout：“%1”不是秒数（大于 0）。</translation>
    </message>
    <message>
        <source>--bind: %1</source>
        <translation>--bind：%1</translation>
    </message>
    <message>
        <source>--bind: &quot;%1&quot; is not an IP address.</source>
        <translation>--bind：“%1”不是 IP 地址。</translation>
    </message>
    <message>
        <source>Accept TCP connections and print one line per read on standard output:</source>
        <translation>接受 TCP 连接，每次读取在标准输出打印一行：</translation>
    </message>
    <message>
        <source>TIME is the local time of arrival (HH:mm:ss.zzz), PEER the sender&apos;s ADDRESS:PORT, LENGTH the byte count of the read, CONTENT the decoded text as &quot;udp listen&quot; shows it (a character split across reads is shown in the read that completes it). A read is not a message: TCP delivers a stream.</source>
        <translation>TIME 是本地到达时间（HH:mm:ss.zzz），PEER 是发送方的 ADDRESS:PORT，LENGTH 是本次读取的字节数，CONTENT 是与“udp listen”相同方式显示的解码文本（跨两次读取的字符在完成它的那次读取中显示）。一次读取不是一条消息：TCP 传输的是字节流。</translation>
    </message>
    <message>
        <source>&quot;listening on ADDRESS:PORT&quot; is printed first on standard error, with the port the system chose when PORT is 0; connections opened and closed are noted there too.</source>
        <translation>首先在标准错误输出“listening on ADDRESS:PORT”（PORT 为 0 时为系统选择的端口）；连接的建立和关闭也记录在那里。</translation>
    </message>
    <message>
        <source>Send every connection back what it sends.</source>
        <translation>把每个连接发来的内容发回给它。</translation>
    </message>
    <message>
        <source>Accept one connection and exit when it has closed and its data is written out.</source>
        <translation>只接受一个连接，在它关闭且数据写出后退出。</translation>
    </message>
    <message>
        <source>Accept at most N connections at a time; more are closed at once. Default: %1.</source>
        <translation>同时最多接受 N 个连接；更多的会立即关闭。默认：%1。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>TLS: the server&apos;s certificate (PEM).</source>
        <translation>TLS：服务器证书（PEM）。</translation>
    </message>
    <message>
        <source>PEM</source>
        <translation>PEM</translation>
    </message>
    <message>
        <source>TLS: its private key (PEM, unencrypted).</source>
        <translation>TLS：其私钥（PEM，未加密）。</translation>
    </message>
    <message>
        <source>Write the received bytes unchanged instead of lines.</source>
        <translation>原样写出收到的字节，而不是按行显示。</translation>
    </message>
    <message>
        <source>Print CONTENT as hex bytes (&quot;c4 e3 ba c3&quot;).</source>
        <translation>以十六进制字节打印 CONTENT（“c4 e3 ba c3”）。</translation>
    </message>
    <message>
        <source>Port to listen on (0: the system chooses), optionally with a local address, e.g. 9000, 127.0.0.1:9000, [::1]:9000. Default address: all IPv4 and IPv6 addresses.</source>
        <translation>要监听的端口（0：由系统选择），可带本地地址，例如 9000、127.0.0.1:9000、[::1]:9000。默认地址：所有 IPv4 和 IPv6 地址。</translation>
    </message>
    <message>
        <source>tcp listen: give the PORT to listen on (0: the system chooses).</source>
        <translation>tcp listen：请给出要监听的 PORT（0：由系统选择）。</translation>
    </message>
    <message>
        <source>tcp listen: unexpected argument &quot;%1&quot;.</source>
        <translation>tcp listen：多余的参数“%1”。</translation>
    </message>
    <message>
        <source>tcp listen: &quot;%1&quot; is not an IP address of this machine.</source>
        <translation>tcp listen：“%1”不是本机的 IP 地址。</translation>
    </message>
    <message>
        <source>--raw writes bytes unchanged; --hex and --encoding do not apply.</source>
        <translation>--raw 原样写出字节；--hex 和 --encoding 不适用。</translation>
    </message>
    <message>
        <source>--max-connections: &quot;%1&quot; is not a number of connections (1 or more).</source>
        <translation>--max-connections：“%1”不是连接数（1 或更多）。</translation>
    </message>
    <message>
        <source>TLS needs both --tls-cert and --tls-key.</source>
        <translation>TLS 需要同时给出 --tls-cert 和 --tls-key。</translation>
    </message>
    <message>
        <source>TCP client and server (tcp connect, tcp listen)</source>
        <translation>TCP 客户端和服务器（tcp connect、tcp listen）</translation>
    </message>
    <message>
        <source>connection %1: closed by the peer (half-close)%2</source>
        <translation>连接 %1：对端已关闭发送方向（半关闭）%2</translation>
    </message>
    <message>
        <source>; standard input is still sent until its end</source>
        <translation>；标准输入仍会继续发送直到结束</translation>
    </message>
    <message>
        <source>accept TCP connections on a port, print what arrives (one line per read), send standard input</source>
        <translation>在端口上接受 TCP 连接，打印收到的内容（每次读取一行），并发送标准输入</translation>
    </message>
    <message>
        <source>Standard input is sent (as nc -l does): with --once to the one connection, otherwise to every connection open at the time (read only while a connection is open and each has room; one that does not read holds the others up); in --encoding unless --raw; not read with --echo. A peer that half-closes (FIN, nc -N) still gets standard input until its end; then, or at once when standard input has ended already, the connection is closed from this side. Give &lt;/dev/null to only receive.</source>
        <translation>标准输入会被发送（同 nc -l）：用 --once 时发给那一个连接，否则发给当时打开的每个连接（只在有连接打开且每个连接都有空间时读取；不读取数据的连接会拖住其他连接）；除非用 --raw，否则按 --encoding 编码；用 --echo 时不读取。半关闭（FIN，nc -N）的对端仍会收到标准输入直到其结束；之后（或标准输入已经结束时立即）由本端关闭连接。只接收时请加 &lt;/dev/null。</translation>
    </message>
    <message>
        <source>Exit status: 0 done (--once: the connection closed and its data is written out), 1 failed (e.g. port in use), 2 bad arguments.</source>
        <translation>退出状态：0 完成（--once：连接已关闭且数据已全部写出），1 失败（如端口被占用），2 参数错误。</translation>
    </message>
</context>
<context>
    <name>TcpServerPanel</name>
    <message>
        <source>Listen</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>The address to accept connections on. &quot;::&quot; accepts on every IPv4 and IPv6 address of this machine.</source>
        <translation>接受连接的地址。“::”表示在本机所有 IPv4 和 IPv6 地址上接受。</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>0 lets the system choose a free port.</source>
        <translation>0 表示由系统选择一个空闲端口。</translation>
    </message>
    <message>
        <source>Max connections</source>
        <translation>最大连接数</translation>
    </message>
    <message>
        <source>Connections above this are accepted and closed at once, and the log says so.</source>
        <translation>超出此数的连接会被接受后立即关闭，日志中会注明。</translation>
    </message>
    <message>
        <source>Echo</source>
        <translation>回显</translation>
    </message>
    <message>
        <source>Send back what each connection sends.</source>
        <translation>把每个连接发来的数据发回去。</translation>
    </message>
    <message>
        <source>No delay (TCP_NODELAY)</source>
        <translation>无延迟（TCP_NODELAY）</translation>
    </message>
    <message>
        <source>Send small writes at once instead of collecting them (Nagle&apos;s algorithm off).</source>
        <translation>小块数据立即发送，不攒在一起（关闭 Nagle 算法）。</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS 证书</translation>
    </message>
    <message>
        <source>PEM file (empty: plain TCP)</source>
        <translation>PEM 文件（留空：普通 TCP）</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>TLS key</source>
        <translation>TLS 私钥</translation>
    </message>
    <message>
        <source>PEM file</source>
        <translation>PEM 文件</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Send to all</source>
        <translation>发送给全部</translation>
    </message>
    <message>
        <source>Send to every connection; otherwise to the selected ones.</source>
        <translation>发送给每个连接；否则只发给选中的连接。</translation>
    </message>
    <message>
        <source>Disconnect selected</source>
        <translation>断开选中</translation>
    </message>
    <message>
        <source>Disconnect all</source>
        <translation>全部断开</translation>
    </message>
</context>
<context>
    <name>TextCodec</name>
    <message>
        <source>Unknown encoding &quot;%1&quot;. Supported: %2.</source>
        <translation>未知编码“%1”。支持：%2。</translation>
    </message>
    <message>
        <source>The character &quot;%1&quot; at position %2 cannot be written in %3.</source>
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
        <source>&quot;%1&quot; at position %2 is not a hex digit (0-9, A-F).</source>
        <translation>第 %2 个字符“%1”不是十六进制数字（0-9、A-F）。</translation>
    </message>
    <message>
        <source>&quot;0x&quot; at position %1 is not followed by hex digits.</source>
        <translation>第 %1 个字符处的“0x”后面没有十六进制数字。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; at position %2 has an odd number of hex digits; write each byte as two digits (e.g. 0A).</source>
        <translation>第 %2 个字符处的“%1”有奇数个十六进制数字；每个字节请写两位（例如 0A）。</translation>
    </message>
    <message>
        <source>\u at position %1 must be followed by four hex digits, as in \u200E.</source>
        <translation>位置 %1 的 \u 后面必须跟四个十六进制数字，如 \u200E。</translation>
    </message>
    <message>
        <source>Unknown escape &quot;\%1&quot; at position %2. Known: \r \n \t \\ \0 \xHH \uXXXX.</source>
        <translation>位置 %2 的转义“\%1”未知。可用：\r \n \t \\ \0 \xHH \uXXXX。</translation>
    </message>
</context>
<context>
    <name>TftpCommand</name>
    <message>
        <source>download a file: tftp get tftp://HOST[:PORT]/PATH</source>
        <translation>下载文件：tftp get tftp://HOST[:PORT]/PATH</translation>
    </message>
    <message>
        <source>Download PATH from the TFTP server at HOST (port 69 unless given), e.g. tftp://192.168.1.10/boot/image.bin or tftp://[::1]:6969/file.txt.</source>
        <translation>从 HOST 上的 TFTP 服务器下载 PATH（未指定端口时为 69），例如 tftp://192.168.1.10/boot/image.bin 或 tftp://[::1]:6969/file.txt。</translation>
    </message>
    <message>
        <source>Progress is shown on stderr when it is a terminal; a summary line follows (bytes, seconds, MiB/s, retransmissions).</source>
        <translation>stderr 是终端时在其上显示进度；结束后再打印一行摘要（字节数、秒数、MiB/秒、重传次数）。</translation>
    </message>
    <message>
        <source>Exit status: 0 downloaded, 1 transfer failed (not found, access violation, timeout, no server, option refused, ...), 2 bad arguments.</source>
        <translation>退出码：0 下载成功，1 传输失败（找不到文件、拒绝访问、超时、没有服务器、选项被拒绝等），2 参数错误。</translation>
    </message>
    <message>
        <source>Save as FILE (&quot;-&quot; for standard output). Default: the last part of PATH, in the current folder.</source>
        <translation>保存到指定文件（“-”表示标准输出）。默认：以 PATH 的最后一段为文件名，保存在当前文件夹。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Block size 8-65464, or &quot;auto&quot;: the MTU of the route to the server minus the headers (1468 on Ethernet, 65464 on loopback). Default: auto.</source>
        <translation>块大小 8-65464，或“auto”：到服务器的路由的 MTU 减去各层首部（以太网上为 1468，回环接口上为 65464）。默认：auto。</translation>
    </message>
    <message>
        <source>N|auto</source>
        <translation>N|auto</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Fixed retransmission timeout in milliseconds (also asked from the server, in seconds). Default: 0, adaptive from the measured round trip.</source>
        <translation>固定的重传超时，单位为毫秒（也会以秒为单位向服务器请求）。默认：0，根据测得的往返时间自适应。</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>Retransmissions of one packet before giving up. Default: 5.</source>
        <translation>单个包放弃前的最大重传次数。默认：5。</translation>
    </message>
    <message>
        <source>Do not ask the server for the file size.</source>
        <translation>不向服务器请求文件大小。</translation>
    </message>
    <message>
        <source>Send no options at all: 512-byte blocks, one acknowledgement per block.</source>
        <translation>完全不发送选项：512 字节块，每块确认一次。</translation>
    </message>
    <message>
        <source>Transfer mode: octet (bytes unchanged) or netascii (CR LF becomes LF). Default: octet.</source>
        <translation>传输模式：octet（字节原样不变）或 netascii（CR LF 转为 LF）。默认：octet。</translation>
    </message>
    <message>
        <source>octet|netascii</source>
        <translation>octet|netascii</translation>
    </message>
    <message>
        <source>No progress bar and no summary; errors only.</source>
        <translation>不显示进度条和摘要；只显示错误。</translation>
    </message>
    <message>
        <source>tftp://HOST[:PORT]/PATH</source>
        <translation>tftp://HOST[:PORT]/PATH</translation>
    </message>
    <message>
        <source>tftp get: give a URL, tftp://HOST[:PORT]/PATH (see --help).</source>
        <translation>tftp get：请给出 URL：tftp://HOST[:PORT]/PATH（见 --help）。</translation>
    </message>
    <message>
        <source>tftp get: one URL only; unexpected &quot;%1&quot;.</source>
        <translation>tftp get：只能给出一个 URL；多余的参数“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a TFTP URL: write tftp://HOST[:PORT]/PATH.</source>
        <translation>“%1”不是 TFTP URL：请写成 tftp://HOST[:PORT]/PATH。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a TFTP URL has no user, query or fragment.</source>
        <translation>“%1”：TFTP URL 不能带用户名、查询参数或片段。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the port must be 1-65535.</source>
        <translation>“%1”：端口必须在 1-65535 之间。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: no file path after the host.</source>
        <translation>“%1”：主机后面没有文件路径。</translation>
    </message>
    <message>
        <source>--blksize: &quot;%1&quot; is not 8-65464 or auto.</source>
        <translation>--blksize：“%1”既不是 8-65464 之间的数字，也不是 auto。</translation>
    </message>
    <message>
        <source>--timeout: &quot;%1&quot; is not a number of milliseconds (0-255000).</source>
        <translation>--timeout：“%1”不是有效的毫秒数（0-255000）。</translation>
    </message>
    <message>
        <source>--retries: &quot;%1&quot; is not 0-1000.</source>
        <translation>--retries：“%1”不在 0-1000 之间。</translation>
    </message>
    <message>
        <source>--mode: &quot;%1&quot; is not octet or netascii.</source>
        <translation>--mode：“%1”不是 octet 或 netascii。</translation>
    </message>
    <message>
        <source>--rfc1350 sends no options: it cannot be combined with --blksize, --windowsize or --no-tsize.</source>
        <translation>--rfc1350 不发送任何选项：不能与 --blksize、--windowsize 或 --no-tsize 同时使用。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not end in a file name: give -o FILE.</source>
        <translation>“%1”的末尾不是文件名：请用 -o 文件 指定保存位置。</translation>
    </message>
    <message>
        <source>-o: give a file name, or - for standard output.</source>
        <translation>-o：请给出文件名，或用 - 表示标准输出。</translation>
    </message>
    <message>
        <source>cannot write to standard output.</source>
        <translation>无法写入标准输出。</translation>
    </message>
    <message>
        <source>%1 bytes in %2 s (%3 MiB/s), %4 retransmissions, blksize %5, windowsize %6</source>
        <translation>%1 字节，用时 %2 秒（%3 MiB/秒），重传 %4 次，blksize %5，windowsize %6</translation>
    </message>
    <message>
        <source>%1 retransmissions</source>
        <translation>重传 %1 次</translation>
    </message>
    <message>
        <source>Blocks per acknowledgement (RFC 7440), 1-32767; 0 does not ask. Default: 8.</source>
        <translation>每次确认的块数（RFC 7440），1-32767；0 表示不请求此选项。默认：8。</translation>
    </message>
    <message>
        <source>--windowsize: &quot;%1&quot; is not 0-%2.</source>
        <translation>--windowsize：“%1”不在 0-%2 之间。</translation>
    </message>
    <message>
        <source>The file is written only when the transfer succeeds: an existing FILE is kept on failure. An existing device or FIFO (e.g. /dev/null) is written in place.</source>
        <translation>只有传输成功才会写入文件：失败时保留已有的 FILE。已存在的设备或 FIFO（如 /dev/null）会被直接写入。</translation>
    </message>
    <message>
        <source>Refuse a file larger than BYTES (K, M, G: KiB, MiB, GiB; e.g. 64M): at once when the server announces its size, else as soon as more arrives. Default: 0, no limit.</source>
        <translation>拒绝大于 BYTES 的文件（K、M、G 表示 KiB、MiB、GiB，如 64M）：服务器声明大小时立即拒绝，否则在收到更多数据时停止。默认 0，不限。</translation>
    </message>
    <message>
        <source>BYTES</source>
        <translation>BYTES</translation>
    </message>
    <message>
        <source>--max-size: &quot;%1&quot; is not a size: give bytes, or a number with K, M or G (KiB, MiB, GiB), e.g. 64M; 0 for no limit.</source>
        <translation>--max-size：“%1”不是大小：请给出字节数，或带 K、M、G（KiB、MiB、GiB）的数字，如 64M；0 表示不限。</translation>
    </message>
    <message>
        <source>upload a file: tftp put FILE tftp://HOST[:PORT]/PATH</source>
        <translation>上传文件：tftp put FILE tftp://HOST[:PORT]/PATH</translation>
    </message>
    <message>
        <source>download and upload files over TFTP, or serve a folder (RFC 1350 with options)</source>
        <translation>通过 TFTP 下载和上传文件，或共享一个文件夹（RFC 1350 及选项）</translation>
    </message>
    <message>
        <source>Do not tell the server the file size (tsize; never sent in netascii mode).</source>
        <translation>不告诉服务器文件大小（tsize；netascii 模式下从不发送）。</translation>
    </message>
    <message>
        <source>Transfer mode: octet (bytes unchanged) or netascii (LF is sent as CR LF). Default: octet.</source>
        <translation>传输模式：octet（字节不变）或 netascii（LF 以 CR LF 发送）。默认：octet。</translation>
    </message>
</context>
<context>
    <name>TftpPanel</name>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>server address or name</source>
        <translation>服务器地址或名称</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Remote file</source>
        <translation>远程文件</translation>
    </message>
    <message>
        <source>file name on the server</source>
        <translation>服务器上的文件名</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>octet (binary)</source>
        <translation>octet（二进制）</translation>
    </message>
    <message>
        <source>netascii (text)</source>
        <translation>netascii（文本）</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>块大小</translation>
    </message>
    <message>
        <source>Bytes per DATA packet (RFC 2348, 8-65464). auto: the largest that fits the network path.</source>
        <translation>每个 DATA 包的字节数（RFC 2348，8-65464）。自动：网络路径能容纳的最大值。</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Window size</source>
        <translation>窗口大小</translation>
    </message>
    <message>
        <source>Blocks sent before each ACK (RFC 7440). 1 is classic lock-step.</source>
        <translation>每个 ACK 之前发送的块数（RFC 7440）。1 即经典的停等方式。</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>adaptive</source>
        <translation>自适应</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <source>Ask for the file size (tsize)</source>
        <translation>请求文件大小（tsize）</translation>
    </message>
    <message>
        <source>RFC 1350 only (no options, 512-byte blocks)</source>
        <translation>仅 RFC 1350（无选项，512 字节块）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Current speed</source>
        <translation>当前速度</translation>
    </message>
    <message>
        <source>Average speed</source>
        <translation>平均速度</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>已用时间</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>块数</translation>
    </message>
    <message>
        <source>Retransmissions</source>
        <translation>重传次数</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Max size</source>
        <translation>大小上限</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Refuse a larger file: at once when the server announces its size (tsize), else as soon as more arrives.</source>
        <translation>拒绝更大的文件：服务器声明大小（tsize）时立即拒绝，否则在收到更多数据时停止。</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Get the remote file from the server (RRQ).</source>
        <translation>从服务器获取远程文件（RRQ）。</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Send a local file to the server as the remote file (WRQ).</source>
        <translation>把本地文件作为远程文件发送到服务器（WRQ）。</translation>
    </message>
    <message>
        <source>File to send</source>
        <translation>要发送的文件</translation>
    </message>
    <message>
        <source>local file to upload</source>
        <translation>要上传的本地文件</translation>
    </message>
    <message>
        <source>Packet trace: RRQ or WRQ, OACK, DATA n, ACK n, ERROR</source>
        <translation>数据包跟踪：RRQ 或 WRQ、OACK、DATA n、ACK n、ERROR</translation>
    </message>
</context>
<context>
    <name>TftpPutCommand</name>
    <message>
        <source>Upload FILE to the TFTP server at HOST (port 69 unless given) as PATH, e.g. tftp://192.168.1.10/incoming/image.bin; a URL that ends in &quot;/&quot; or has no PATH takes FILE&apos;s name.</source>
        <translation>把 FILE 以 PATH 为名上传到 HOST 上的 TFTP 服务器（未指定端口时为 69），如 tftp://192.168.1.10/incoming/image.bin；URL 以“/”结尾或没有 PATH 时使用 FILE 的文件名。</translation>
    </message>
    <message>
        <source>FILE is read as it is sent: it must be a regular file (not a folder, FIFO or device).</source>
        <translation>FILE 边发送边读取：它必须是普通文件（不能是文件夹、FIFO 或设备）。</translation>
    </message>
    <message>
        <source>Many servers write only files that exist already (tftpd-hpa unless started with -c).</source>
        <translation>许多服务器只写入已存在的文件（tftpd-hpa 未用 -c 启动时即如此）。</translation>
    </message>
    <message>
        <source>Exit status: 0 uploaded, 1 transfer failed (FILE unreadable, access violation, disk full, timeout, no server, option refused, ...), 2 bad arguments.</source>
        <translation>退出状态：0 上传成功，1 传输失败（FILE 无法读取、访问违例、磁盘已满、超时、无服务器、选项被拒绝……），2 参数错误。</translation>
    </message>
    <message>
        <source>the local file to send</source>
        <translation>要发送的本地文件</translation>
    </message>
    <message>
        <source>tftp put: give a FILE and a URL, tftp put FILE tftp://HOST[:PORT]/PATH (see --help).</source>
        <translation>tftp put：请给出 FILE 和 URL，即 tftp put FILE tftp://HOST[:PORT]/PATH（见 --help）。</translation>
    </message>
    <message>
        <source>tftp put: one FILE and one URL only; unexpected &quot;%1&quot;.</source>
        <translation>tftp put：只能有一个 FILE 和一个 URL；多余的“%1”。</translation>
    </message>
    <message>
        <source>tftp put: the FILE name is empty.</source>
        <translation>tftp put：FILE 名称为空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not end in a file name: give the name in the URL.</source>
        <translation>“%1”没有以文件名结尾：请在 URL 中给出名称。</translation>
    </message>
</context>
<context>
    <name>TftpServeCommand</name>
    <message>
        <source>cannot watch for Ctrl+C: %1</source>
        <translation>无法监视 Ctrl+C：%1</translation>
    </message>
    <message>
        <source>listening on %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>uploads allowed, existing files may be replaced</source>
        <translation>允许上传，可替换已有文件</translation>
    </message>
    <message>
        <source>uploads allowed, new files only</source>
        <translation>允许上传，仅限新文件</translation>
    </message>
    <message>
        <source>serving %1 (%2); Ctrl+C stops</source>
        <translation>正在共享 %1（%2）；按 Ctrl+C 停止</translation>
    </message>
    <message>
        <source>Give an address of this machine, :: for all of them, or 127.0.0.1 for this machine only.</source>
        <translation>请给出本机的一个地址，:: 表示全部地址，127.0.0.1 表示仅本机。</translation>
    </message>
    <message>
        <source>cannot write the log to standard output.</source>
        <translation>无法把日志写到标准输出。</translation>
    </message>
    <message>
        <source>Serve the files in DIR over TFTP (RFC 1350 with the options blksize, tsize, timeout and windowsize), read-only unless --allow-write is given.</source>
        <translation>通过 TFTP 共享 DIR 中的文件（RFC 1350 及 blksize、tsize、timeout、windowsize 选项），除非给出 --allow-write，否则只读。</translation>
    </message>
    <message>
        <source>Names are resolved inside DIR only: a leading / means DIR itself (as tftpd-hpa -s), and &quot;..&quot;, links leading out of DIR, folders, devices and FIFOs are refused.</source>
        <translation>名称只在 DIR 内解析：开头的 / 表示 DIR 本身（同 tftpd-hpa -s），“..”、指向 DIR 之外的链接、文件夹、设备和 FIFO 都会被拒绝。</translation>
    </message>
    <message>
        <source>&quot;listening on ADDRESS:PORT&quot; is printed first on standard error, with the port the system chose when PORT is 0; then one line per transfer on standard output (client, file, direction, options, bytes, time, rate, result) and one per refused request (at most 20 a second).</source>
        <translation>首先在标准错误输出“listening on ADDRESS:PORT”（PORT 为 0 时为系统选择的端口）；之后在标准输出中每个传输一行（客户端、文件、方向、选项、字节数、时间、速率、结果），每个被拒绝的请求一行（每秒最多 20 行）。</translation>
    </message>
    <message>
        <source>Ctrl+C or SIGTERM stops the server: uploads in progress are discarded, nothing half-written is left.</source>
        <translation>Ctrl+C 或 SIGTERM 停止服务器：进行中的上传被丢弃，不留下写了一半的文件。</translation>
    </message>
    <message>
        <source>Exit status: 0 stopped by Ctrl+C or SIGTERM, 1 failed (e.g. port in use), 2 bad arguments.</source>
        <translation>退出状态：0 被 Ctrl+C 或 SIGTERM 停止，1 失败（如端口被占用），2 参数错误。</translation>
    </message>
    <message>
        <source>The folder to serve (required).</source>
        <translation>要共享的文件夹（必需）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Where to take requests: 127.0.0.1:6969 (default, this machine only), [::1]:69, 0.0.0.0:69 (all IPv4), [::]:69 (all IPv4 and IPv6); PORT alone means 127.0.0.1; 0 lets the system choose. Ports below 1024 need administrator rights.</source>
        <translation>在哪里接收请求：127.0.0.1:6969（默认，仅本机）、[::1]:69、0.0.0.0:69（全部 IPv4）、[::]:69（全部 IPv4 和 IPv6）；只写 PORT 表示 127.0.0.1；0 由系统选择。1024 以下的端口需要管理员权限。</translation>
    </message>
    <message>
        <source>ADDR:PORT</source>
        <translation>ADDR:PORT</translation>
    </message>
    <message>
        <source>Accept uploads (WRQ) as new files; an existing file is refused (TFTP error 6).</source>
        <translation>接受上传（WRQ）为新文件；已存在的文件会被拒绝（TFTP 错误 6）。</translation>
    </message>
    <message>
        <source>Accept uploads that replace existing files (implies --allow-write). A file is replaced only when its upload is complete.</source>
        <translation>接受替换已有文件的上传（包含 --allow-write）。只有上传完成后才替换文件。</translation>
    </message>
    <message>
        <source>Transfers at once, 1-10000; more are answered &quot;server busy&quot;. Default: 200.</source>
        <translation>同时传输数，1-10000；超出时回复“服务器繁忙”。默认：200。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Ports for the transfers (each transfer has its own), e.g. 50000-50100. Default: any free port.</source>
        <translation>传输使用的端口（每个传输一个），如 50000-50100。默认：任意空闲端口。</translation>
    </message>
    <message>
        <source>A-B</source>
        <translation>A-B</translation>
    </message>
    <message>
        <source>Largest upload in bytes; larger ones are refused (TFTP error 3). Default: 0, no limit.</source>
        <translation>上传的最大字节数；更大的会被拒绝（TFTP 错误 3）。默认：0，不限。</translation>
    </message>
    <message>
        <source>BYTES</source>
        <translation>BYTES</translation>
    </message>
    <message>
        <source>tftp serve: unexpected argument &quot;%1&quot; (the folder is given with --root).</source>
        <translation>tftp serve：多余的参数“%1”（文件夹用 --root 给出）。</translation>
    </message>
    <message>
        <source>tftp serve: give the folder to serve with --root DIR.</source>
        <translation>tftp serve：请用 --root DIR 给出要共享的文件夹。</translation>
    </message>
    <message>
        <source>--root: the folder &quot;%1&quot; does not exist.</source>
        <translation>--root：文件夹“%1”不存在。</translation>
    </message>
    <message>
        <source>--root: &quot;%1&quot; is not a folder.</source>
        <translation>--root：“%1”不是文件夹。</translation>
    </message>
    <message>
        <source>--listen: &quot;%1&quot; is not an IP address (e.g. 127.0.0.1, ::1, 0.0.0.0 or ::).</source>
        <translation>--listen：“%1”不是 IP 地址（如 127.0.0.1、::1、0.0.0.0 或 ::）。</translation>
    </message>
    <message>
        <source>--max-transfers: &quot;%1&quot; is not 1-10000.</source>
        <translation>--max-transfers：“%1”不在 1-10000 之间。</translation>
    </message>
    <message>
        <source>--port-range: &quot;%1&quot; is not A-B with 1 &lt;= A &lt;= B &lt;= 65535.</source>
        <translation>--port-range：“%1”不是满足 1 &lt;= A &lt;= B &lt;= 65535 的 A-B。</translation>
    </message>
    <message>
        <source>--max-size: &quot;%1&quot; is not a number of bytes (0: no limit).</source>
        <translation>--max-size：“%1”不是字节数（0 表示不限）。</translation>
    </message>
    <message>
        <source>serve a folder: tftp serve --root DIR [--listen ADDR:PORT]</source>
        <translation>共享文件夹：tftp serve --root DIR [--listen ADDR:PORT]</translation>
    </message>
    <message>
        <source>stopped: %1, %2 failed, %3 refused</source>
        <extracomment>%1 is &quot;N transfers&quot;, %2 the number of them that failed, %3 is &quot;N requests&quot;</extracomment>
        <translation>已停止：%1，其中 %2 个失败，拒绝了 %3</translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s)</source>
        <translation>
            <numerusform>%n 个传输</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n 个请求</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TftpServerPanel</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Download from this server</source>
        <translation>从此服务器下载</translation>
    </message>
    <message>
        <source>Opens the TFTP tab with this server&apos;s address and port filled in.</source>
        <translation>打开 TFTP 标签页，并填入本服务器的地址和端口。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>folder to serve</source>
        <translation>要共享的文件夹</translation>
    </message>
    <message>
        <source>The folder whose files are served. Names are resolved inside it only.</source>
        <translation>共享其中文件的文件夹。文件名只在其内部解析。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Where requests are taken: 127.0.0.1 for this machine only, :: for all its addresses (IPv4 and IPv6).</source>
        <translation>在哪里接收请求：127.0.0.1 仅本机，:: 为本机全部地址（IPv4 和 IPv6）。</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>TFTP&apos;s standard port 69 needs administrator rights; 6969 does not. 0 lets the system choose.</source>
        <translation>TFTP 标准端口 69 需要管理员权限；6969 不需要。0 由系统选择。</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Allow uploads</source>
        <translation>允许上传</translation>
    </message>
    <message>
        <source>Accept write requests (WRQ) as new files in the folder.</source>
        <translation>接受写请求（WRQ），在文件夹中创建新文件。</translation>
    </message>
    <message>
        <source>Uploads may replace existing files</source>
        <translation>上传可替换已有文件</translation>
    </message>
    <message>
        <source>A file is replaced only when its upload is complete.</source>
        <translation>只有上传完成后才替换文件。</translation>
    </message>
    <message>
        <source>Transfers at once</source>
        <translation>同时传输数</translation>
    </message>
    <message>
        <source>More requests are answered &quot;server busy&quot;.</source>
        <translation>更多的请求会收到“服务器繁忙”。</translation>
    </message>
    <message>
        <source>Largest upload</source>
        <translation>最大上传</translation>
    </message>
    <message>
        <source>Larger uploads are refused (TFTP error 3).</source>
        <translation>更大的上传会被拒绝（TFTP 错误 3）。</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Transfer ports</source>
        <translation>传输端口</translation>
    </message>
    <message>
        <source>Each transfer has its own port: from this range (e.g. to open in a firewall), or any free port.</source>
        <translation>每个传输使用自己的端口：取自此范围（例如便于在防火墙中开放），或任意空闲端口。</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>传输</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>One line per transfer and per refused request</source>
        <translation>每个传输和每个被拒绝的请求各一行</translation>
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
        <source>send datagrams to HOST:PORT</source>
        <translation>向 主机:端口 发送数据报</translation>
    </message>
    <message>
        <source>print every datagram received on a port, one line each</source>
        <translation>打印端口上收到的每个数据报，每个一行</translation>
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
        <source>MESSAGE is hex bytes, e.g. &quot;c4 e3 ba c3&quot; or 0x0d0a (separators and 0x are optional).</source>
        <translation>MESSAGE 为十六进制字节，例如“c4 e3 ba c3”或 0x0d0a（分隔符和 0x 可省略）。</translation>
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
        <translation>MS</translation>
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
        <source>--file sends the file&apos;s bytes unchanged; --hex, --escapes and --encoding apply to MESSAGE only.</source>
        <translation>--file 原样发送文件字节；--hex、--escapes 和 --encoding 只用于 MESSAGE。</translation>
    </message>
    <message>
        <source>--repeat: &quot;%1&quot; is not a number of times (1 or more).</source>
        <translation>--repeat：“%1”不是有效的次数（1 或以上）。</translation>
    </message>
    <message>
        <source>--interval: &quot;%1&quot; is not a number of milliseconds (0 or more).</source>
        <translation>--interval：“%1”不是有效的毫秒数（0 或以上）。</translation>
    </message>
    <message>
        <source>--bind: %1</source>
        <translation>--bind：%1</translation>
    </message>
    <message>
        <source>--bind: &quot;%1&quot; is not an IP address.</source>
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
        <source>&quot;listening on ADDRESS:PORT&quot; is printed first on standard error, with the port the system chose when PORT is 0.</source>
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
        <source>Print CONTENT as hex bytes (&quot;c4 e3 ba c3&quot;).</source>
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
        <translation>SEC</translation>
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
        <source>udp listen: unexpected argument &quot;%1&quot;.</source>
        <translation>udp listen：多余的参数“%1”。</translation>
    </message>
    <message>
        <source>udp listen: &quot;%1&quot; is not an IP address of this machine.</source>
        <translation>udp listen：“%1”不是本机的 IP 地址。</translation>
    </message>
    <message>
        <source>--count: &quot;%1&quot; is not a number of datagrams (1 or more).</source>
        <translation>--count：“%1”不是有效的数据报个数（1 或以上）。</translation>
    </message>
    <message>
        <source>--timeout: &quot;%1&quot; is not a number of seconds (more than 0).</source>
        <translation>--timeout：“%1”不是有效的秒数（大于 0）。</translation>
    </message>
    <message>
        <source>send and receive UDP datagrams (udp send, udp listen)</source>
        <translation>收发 UDP 数据报（udp send、udp listen）</translation>
    </message>
    <message>
        <source>%1 is not a regular file: --file sends a file&apos;s bytes as one datagram.</source>
        <translation>%1 不是普通文件：--file 把一个文件的字节作为一个数据报发送。</translation>
    </message>
    <message>
        <source>Understand \r \n \t \\ \0, \xHH (a raw byte) and \uXXXX (a character) in MESSAGE.</source>
        <translation>识别 MESSAGE 中的 \r \n \t \\ \0、\xHH（一个原始字节）和 \uXXXX（一个字符）。</translation>
    </message>
    <message>
        <source>TIME is the local time of arrival (HH:mm:ss.zzz), SOURCE the sender&apos;s ADDRESS:PORT, LENGTH the byte count, CONTENT the decoded text with a backslash written as \\, line breaks and control characters as \n, \r, \t or \xHH, bytes that do not decode as \xHH too (from \x80), and C1 controls, bidi and zero-width characters as \uXXXX: &quot;udp send --escapes CONTENT&quot; (same --encoding) sends the same bytes again.</source>
        <translation>TIME 是本地到达时间（HH:mm:ss.zzz），SOURCE 是发送方的 ADDRESS:PORT，LENGTH 是字节数，CONTENT 是解码后的文本：反斜杠写作 \\，换行和控制字符写作 \n、\r、\t 或 \xHH，无法解码的字节也写作 \xHH（从 \x80 起），C1 控制字符、双向和零宽字符写作 \uXXXX；用“udp send --escapes CONTENT”（相同的 --encoding）可再次发出相同的字节。</translation>
    </message>
</context>
<context>
    <name>UdpPanel</name>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>The address to receive on. 0.0.0.0 receives on every IPv4 address of this machine.</source>
        <translation>接收数据的地址。0.0.0.0 表示在本机所有 IPv4 地址上接收。</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>0 lets the system choose a free port.</source>
        <translation>0 表示由系统选择一个空闲端口。</translation>
    </message>
    <message>
        <source>Allow other programs to bind the same port (needed for multicast).</source>
        <translation>允许其他程序绑定同一端口（组播需要）。</translation>
    </message>
    <message>
        <source>Share address</source>
        <translation>共享地址</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>远程</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
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
        <source>Allow sending to broadcast addresses such as 255.255.255.255 (SO_BROADCAST).</source>
        <translation>允许发送到 255.255.255.255 等广播地址（SO_BROADCAST）。</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>广播</translation>
    </message>
    <message>
        <source>Multicast</source>
        <translation>组播</translation>
    </message>
    <message>
        <source>e.g. 239.255.43.21 or ff12::4321</source>
        <translation>例如 239.255.43.21 或 ff12::4321</translation>
    </message>
    <message>
        <source>TTL </source>
        <translation>TTL </translation>
    </message>
    <message>
        <source>Join</source>
        <translation>加入</translation>
    </message>
</context>
</TS>
