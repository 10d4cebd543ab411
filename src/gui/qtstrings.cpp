// Texts Qt itself shows whose Chinese translation Debian's qtbase_zh_CN.qm lacks: in Qt 6 the file
// dialog's "Kind" column asks the context QAbstractFileIconProvider, which the Qt 5 era translations do not
// have, so "Folder" stayed English inside a Chinese dialog. Listed here so that lupdate keeps them in
// netpoke_zh_CN.ts; NetPoke's translator then answers for Qt.
#include <QtGlobal>

namespace {
[[maybe_unused]] const char *const qtStrings[] = {
    //: The kind of a folder in the file dialog (Qt's own text)
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    //: The kind of a drive in the file dialog (Qt's own text)
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    //: The kind of a file of an unknown type in the file dialog (Qt's own text)
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
};
} // namespace
