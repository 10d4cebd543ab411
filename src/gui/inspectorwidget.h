#pragma once

#include "inspect/packetfield.h"

#include <QByteArray>
#include <QWidget>

class QAbstractItemView;
class QComboBox;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QSplitter;
class QStandardItem;
class QStandardItemModel;
class QToolButton;
class QTreeView;

namespace NetPoke {

class HexView;

// The packet inspector: the dissected fields in a tree (TFTP: opcode, block, file name, mode, options, error
// code and message, data; other bytes: one "Raw data" field) beside an offset / hex / text dump (HexView).
// Selecting a field highlights its bytes; clicking a byte selects the innermost field that holds it. Copy as
// hex, as a C array or as a Python bytes literal (the selected field's bytes, or the whole packet when no field
// is selected), from the Copy button or either pane's context menu. The text column follows the tab's encoding
// or one chosen here.
//
// Any tab can use it: setBytes(bytes, encoding, protocol). attachBelow() puts one under an existing view in a
// splitter; linkTrace() shows the packet of the trace line the cursor is on (TFTP tabs).
class InspectorWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectorWidget)

public:
    enum class Protocol { Raw, Tftp };
    // Bytes beyond this are not shown (a UDP datagram is at most 65,507).
    static constexpr qsizetype MaxBytes = 65536;

    explicit InspectorWidget(QWidget *parent = nullptr);

    // Shows bytes: dissected as protocol, the text column in encoding (the tab's; the inspector's own choice, if
    // any, wins). wireLength > bytes.size(): only the first bytes of a longer packet were kept (a trace entry).
    void setBytes(const QByteArray &bytes, const QString &encoding, Protocol protocol = Protocol::Raw,
                  qint64 wireLength = -1);
    // The tab's encoding changed: the text column follows unless one is chosen here.
    void setTabEncoding(const QString &encoding);
    void clear();

    QByteArray bytes() const { return m_bytes; }
    const Inspect::Dissection &dissection() const { return m_dissection; }
    // The line above the panes ("TFTP: RRQ boot.bin octet ..."), before it is elided to the width.
    QString summary() const { return m_summaryText; }
    // The encoding the text column uses now.
    QString encoding() const;
    // The bytes the copy actions take: the selected field's, or all of them.
    QByteArray selectedBytes() const;
    // Selects the field at path (child indexes from the top, as Inspect::innermostFieldAt gives).
    void selectField(const QList<int> &path);

    QString copyAsHex();
    QString copyAsCArray();
    QString copyAsPython();

    QTreeView *fieldView() const { return m_tree; }
    HexView *hexView() const { return m_hex; }

    // Puts view and a new inspector into a vertical splitter where view was (in its layout or splitter); the
    // inspector can be collapsed. Returns the inspector; the splitter is its parent widget.
    static InspectorWidget *attachBelow(QWidget *view, const QString &splitterName);
    // Shows in inspector the packet of the line the trace view's cursor is on (lines appended by
    // appendTraceEntry(), which keeps each entry's bytes with its line); a note line clears it.
    static void linkTrace(QPlainTextEdit *trace, InspectorWidget *inspector);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    void fillModel();
    void onFieldSelected();
    void onByteClicked(qsizetype byte);
    void showContextMenu(QWidget *from, const QPoint &pos);
    void retranslate();
    QString copy(const QString &text);
    void setSummary(const QString &text);
    void fitLayout();   // summary elided to its width; tree beside the dump, or above it when narrow

    QLabel *m_summary = nullptr;
    QComboBox *m_encoding = nullptr;
    QLabel *m_encodingLabel = nullptr;
    QToolButton *m_copy = nullptr;
    QMenu *m_copyMenu = nullptr;
    QSplitter *m_split = nullptr;
    QTreeView *m_tree = nullptr;
    QStandardItemModel *m_model = nullptr;
    HexView *m_hex = nullptr;
    QAction *m_copyHex = nullptr;
    QAction *m_copyC = nullptr;
    QAction *m_copyPython = nullptr;

    QByteArray m_bytes;
    qint64 m_wireLength = -1;
    Protocol m_protocol = Protocol::Raw;
    QString m_tabEncoding = QStringLiteral("UTF-8");
    Inspect::Dissection m_dissection;
    bool m_hasBytes = false;
    QString m_summaryText;
    bool m_userSplit = false;   // the user moved the handle between tree and dump
};

} // namespace NetPoke
