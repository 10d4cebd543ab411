#include "wheelguard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QObject>
#include <QWidget>

namespace NetPoke {

namespace {
class WheelGuard final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Wheel) {
            auto *w = static_cast<QWidget *>(watched);
            if (!w->hasFocus()) {
                // Filtered out and not accepted: QApplication offers the event to the parent next, so
                // the scroll area around the box scrolls.
                event->ignore();
                return true;
            }
        }
        return false;
    }
};

void guard(QWidget *w, QObject *filter)
{
    if (w->property("netpokeWheelGuarded").toBool())
        return;
    w->setProperty("netpokeWheelGuarded", true);
    w->setFocusPolicy(Qt::StrongFocus);   // no focus by wheel, so a passing wheel cannot give it focus
    w->installEventFilter(filter);
}
} // namespace

void guardWheel(QWidget *root)
{
    static WheelGuard *const filter = new WheelGuard(QCoreApplication::instance());
    for (QComboBox *c : root->findChildren<QComboBox *>())
        guard(c, filter);
    for (QAbstractSpinBox *s : root->findChildren<QAbstractSpinBox *>())
        guard(s, filter);
}

} // namespace NetPoke
