#include "sendbox.h"
#include "ui_sendbox.h"

#include "errorlabel.h"
#include "flowlayout.h"
#include "messageedit.h"
#include "settingstable.h"
#include "textcodec.h"

#include <QLocale>
#include <QShortcut>

namespace NetPoke {

SendBox::SendBox(QWidget *parent)
    : QGroupBox(parent)
    , m_ui(new Ui::SendBox)
{
    m_ui->setupUi(this);
    m_ui->encoding->addItems(TextCodec::encodings());
    m_ui->lineEnding->setItemData(0, QByteArray());
    m_ui->lineEnding->setItemData(1, QByteArray("\n"));
    m_ui->lineEnding->setItemData(2, QByteArray("\r\n"));
    m_ui->editor->messageLabel()->setObjectName(QStringLiteral("sendError"));
    FlowLayout::replaceLayout(m_ui->sendOptions);

    m_periodicTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_periodicTimer, &QTimer::timeout, this, &SendBox::onPeriodicTimeout);
    m_rateTimer.setInterval(500);
    connect(&m_rateTimer, &QTimer::timeout, this, &SendBox::updateRate);

    connect(m_ui->sendButton, &QPushButton::clicked, this, &SendBox::sendNow);
    connect(m_ui->sendFileButton, &QPushButton::clicked, this, &SendBox::sendFileRequested);
    connect(m_ui->periodic, &QCheckBox::toggled, this, &SendBox::onPeriodicToggled);
    connect(m_ui->periodMs, &QSpinBox::valueChanged, this, [this](int ms) { m_periodicTimer.setInterval(ms); });
    connect(m_ui->encoding, &QComboBox::currentTextChanged, this, &SendBox::encodingChanged);
    connect(m_ui->sendMode, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_ui->escapes->setEnabled(i == 0);
        m_ui->lineEnding->setEnabled(i == 0);
        m_ui->editor->setPlaceholderText(i == 0 ? tr("Text to send (Ctrl+Enter sends)")
                                                : tr("Hex bytes, e.g. C4 E3 BA C3 or 0x01,0x02 (Ctrl+Enter sends)"));
    });
    connect(m_ui->history, &QComboBox::activated, this, [this](int i) {
        m_ui->editor->setPlainText(m_ui->history->itemText(i));
    });
    // Clear a stale error as soon as the user edits.
    connect(m_ui->editor, &QPlainTextEdit::textChanged, this, [this] { showError(QString()); });
}

SendBox::~SendBox()
{
    delete m_ui;
}

void SendBox::installSendShortcut(QWidget *scope)
{
    for (const auto key : {Qt::Key_Return, Qt::Key_Enter}) {
        auto *sc = new QShortcut(QKeySequence(Qt::CTRL | key), scope);
        sc->setContext(Qt::WidgetWithChildrenShortcut);
        connect(sc, &QShortcut::activated, this, &SendBox::sendNow);
    }
}

QString SendBox::encoding() const { return m_ui->encoding->currentText(); }
MessageEdit *SendBox::editor() const { return m_ui->editor; }
QLabel *SendBox::errorLabel() const { return m_ui->editor->messageLabel(); }
QPushButton *SendBox::sendButton() const { return m_ui->sendButton; }
QPushButton *SendBox::sendFileButton() const { return m_ui->sendFileButton; }

void SendBox::showError(const QString &text)
{
    NetPoke::showError(errorLabel(), text);
}

void SendBox::addSettings(SettingsTable &table)
{
    table.add(QStringLiteral("sendMode"), m_ui->sendMode, SettingsTable::ByIndex);
    QComboBox *encoding = m_ui->encoding;
    table.add(QStringLiteral("encoding"), [encoding] { return QVariant(encoding->currentText()); },
              [encoding](const QVariant &v) {
                  const int i = encoding->findText(TextCodec::canonicalName(v.toString()));
                  encoding->setCurrentIndex(i >= 0 ? i : 0);
              },
              QStringLiteral("UTF-8"));
    table.add(QStringLiteral("escapes"), m_ui->escapes)
        .add(QStringLiteral("lineEnding"), m_ui->lineEnding, SettingsTable::ByIndex)
        .add(QStringLiteral("editor"), m_ui->editor)
        .add(QStringLiteral("history"), m_ui->history, SettingsTable::ByItems)
        .add(QStringLiteral("periodMs"), m_ui->periodMs);
}

bool SendBox::buildPayload(QByteArray *out)
{
    MessageEdit *editor = m_ui->editor;
    const QString text = editor->toPlainText();
    TextCodec::Result r;
    if (m_ui->sendMode->currentIndex() == 1) {
        r = TextCodec::parseHex(text);
    } else {
        const QString encoding = m_ui->encoding->currentText();
        r = m_ui->escapes->isChecked() ? TextCodec::encodeEscaped(text, encoding) : TextCodec::encode(text, encoding);
        if (r.ok)
            r.bytes += m_ui->lineEnding->currentData().toByteArray();
    }
    if (!r.ok) {
        if (r.errorPosition >= 0) {
            QTextCursor cursor = editor->textCursor();
            cursor.setPosition(qMin(r.errorPosition, int(text.size())));
            cursor.setPosition(qMin(r.errorPosition + 1, int(text.size())), QTextCursor::KeepAnchor);
            const QSignalBlocker block(editor);
            editor->setTextCursor(cursor);
        }
        // Inside the editor, under the text: the message and the marked character are seen together.
        showError(r.errorString + QLatin1Char(' ') + tr("Nothing was sent."));
        return false;
    }
    *out = r.bytes;
    return true;
}

bool SendBox::sendNow()
{
    showError(QString());
    QByteArray bytes;
    if (!buildPayload(&bytes))
        return false;
    if (!m_sender || !m_sender(bytes))
        return false;
    addToHistory(m_ui->editor->toPlainText());
    return true;
}

void SendBox::addToHistory(const QString &text)
{
    if (text.isEmpty())
        return;
    QComboBox *history = m_ui->history;
    const int existing = history->findText(text);
    if (existing >= 0)
        history->removeItem(existing);
    history->insertItem(0, text);
    while (history->count() > history->maxCount())   // the form's 20
        history->removeItem(history->count() - 1);
    history->setCurrentIndex(-1);
}

void SendBox::stopPeriodic()
{
    m_ui->periodic->setChecked(false);
}

void SendBox::onPeriodicToggled(bool on)
{
    if (!on) {
        m_periodicTimer.stop();
        m_rateTimer.stop();
        m_ui->periodRate->clear();
        return;
    }
    showError(QString());
    if (!buildPayload(&m_periodicPayload)) {
        const QSignalBlocker block(m_ui->periodic);
        m_ui->periodic->setChecked(false);
        return;
    }
    m_periodicSent = 0;
    m_periodicSentAtLastRate = 0;
    m_periodicTimer.start(m_ui->periodMs->value());
    m_rateClock.start();
    m_rateTimer.start();
    onPeriodicTimeout();
}

void SendBox::onPeriodicTimeout()
{
    if (!m_sender || !m_sender(m_periodicPayload)) {
        m_ui->periodic->setChecked(false);
        return;
    }
    ++m_periodicSent;
}

void SendBox::updateRate()
{
    const double secs = qMax<qint64>(1, m_rateClock.restart()) / 1000.0;
    const double rate = (m_periodicSent - m_periodicSentAtLastRate) / secs;
    m_periodicSentAtLastRate = m_periodicSent;
    m_ui->periodRate->setText(tr("%1 sends/s").arg(QLocale().toString(rate, 'f', rate < 10 ? 1 : 0)));
}

} // namespace NetPoke
